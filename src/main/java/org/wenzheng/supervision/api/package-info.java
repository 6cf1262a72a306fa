/**
 * Supervision's JSON API under /api/v1: the board, overdue notices (issue, read, PDF, answer) and bulletins for staff
 * (their service checks roles and objects), and published bulletins for everyone.
 */
package org.wenzheng.supervision.api;
