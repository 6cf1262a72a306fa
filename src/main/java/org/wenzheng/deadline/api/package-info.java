/** JSON resources: /api/v1/calendar/{year} (days, import) and /api/v1/deadline/policy, for administrators. */
package org.wenzheng.deadline.api;
