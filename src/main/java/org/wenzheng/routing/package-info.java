/**
 * Instruction and routing (批办): routing rules, suggested units, the leader's routing of a batch with instruction,
 * lead unit and co-units, and the report on cases returned by units as misrouted.
 */
package org.wenzheng.routing;
