/**
 * The intake JSON API under /api/v1/intake for staff (the service checks the role), with its error mappers: 403
 * for a caller without the role, 400 listing the field problems, 404/409 for refused actions.
 */
package org.wenzheng.intake.api;
