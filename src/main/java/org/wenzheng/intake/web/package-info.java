/** The intake officer's pages under /office/intake/: the queue, one message, and the major alerts. */
package org.wenzheng.intake.web;
