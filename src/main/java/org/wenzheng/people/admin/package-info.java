/**
 * The administrator's use cases on staff and organisation: units (tree, head, liaisons), people (roles, units,
 * deactivation, unlocking, password reset, ending sessions), each change audited with its before and after state.
 */
package org.wenzheng.people.admin;
