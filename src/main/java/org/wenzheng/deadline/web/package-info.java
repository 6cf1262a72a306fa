/** Page beans of the calendar (/office/admin/calendar.xhtml) and deadline policy (/office/admin/policy.xhtml) pages. */
package org.wenzheng.deadline.web;
