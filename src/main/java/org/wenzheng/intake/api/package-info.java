/**
 * The intake JSON API under /api/v1/intake for staff (the service allows only the intake officer role). A refused
 * intake action maps to 404/409/400 with its translated message ({@link org.wenzheng.intake.api.IntakeErrorMapper});
 * refused roles (401/403) and invalid bodies (400 with field problems) go through the common mappers, except the
 * refusal Payara reports as AccessLocalException, which {@link org.wenzheng.intake.api.AccessRefusedMapper} answers
 * the same way.
 */
package org.wenzheng.intake.api;
