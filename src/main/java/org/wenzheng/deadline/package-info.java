/**
 * The working-day calendar (official holidays and make-up working days), the deadline policy and due dates
 * that explain themselves.
 *
 * <p>Pure domain rules with no container or persistence dependencies, so that an application service can wrap
 * them and every rule can be tested without a server.
 */
package org.wenzheng.deadline;
