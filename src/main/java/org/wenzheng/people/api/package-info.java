/**
 * The administration JSON API under /api/v1/admin (units, people, categories, board settings, API tokens) and the
 * caller's own /api/v1/account; the same services as the pages, which check the role.
 */
package org.wenzheng.people.api;
