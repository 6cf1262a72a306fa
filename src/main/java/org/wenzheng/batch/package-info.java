/**
 * The daily batch (批次) that gathers registered messages, and its forwarding slip (抄告单).
 */
package org.wenzheng.batch;
