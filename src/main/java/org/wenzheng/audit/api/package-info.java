/** The audit trail in the JSON API: search, export and verification, for administrators. */
package org.wenzheng.audit.api;
