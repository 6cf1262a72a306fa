/** Supervision's pages: the supervisor's board, a notice and its answer, bulletins, the public bulletin pages. */
package org.wenzheng.supervision.web;
