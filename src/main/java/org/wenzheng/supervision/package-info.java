/**
 * Supervision (督办): overdue notices to units and bulletins (通报) on units that missed deadlines.
 */
package org.wenzheng.supervision;
