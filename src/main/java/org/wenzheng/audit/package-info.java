/**
 * The append-only, hash-chained audit trail: every change is recorded in the same transaction, and the chain can be verified.
 */
package org.wenzheng.audit;
