/**
 * Intake (受理登记): the intake officer's queue of new and held messages, one message with its possible duplicates,
 * and registration (with severity, warning colour and the alert to leaders for major ones), rejection and merging,
 * alone or in bulk; all in {@link org.wenzheng.intake.IntakeService}.
 */
package org.wenzheng.intake;
