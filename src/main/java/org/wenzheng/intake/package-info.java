/**
 * Intake (受理): the intake officer's queue, severity and warning colour; registration, rejection and merging.
 */
package org.wenzheng.intake;
