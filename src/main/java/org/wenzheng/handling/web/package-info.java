/** Handling pages: the liaison's inbox, the case's drafting and review parts, the review queue, publication. */
package org.wenzheng.handling.web;
