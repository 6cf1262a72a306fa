/**
 * Cases in units: the lead and co-units' parts, replies and their revisions, extensions; the liaison's inbox.
 */
package org.wenzheng.handling;
