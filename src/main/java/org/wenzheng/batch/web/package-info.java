/** Back-office pages of the daily batch: the batch list with the cut button, and the forwarding slip. */
package org.wenzheng.batch.web;
