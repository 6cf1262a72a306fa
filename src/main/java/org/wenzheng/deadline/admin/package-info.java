/**
 * The administrator's deadline use cases: the working-day calendar (year view, one day, import after a preview) and
 * the deadline policy, with the recomputation of open cases' due dates a calendar change causes. Apart from the pure
 * rules in {@code org.wenzheng.deadline} because it reads cases ({@code org.wenzheng.handling}), which themselves
 * depend on those rules.
 */
package org.wenzheng.deadline.admin;
