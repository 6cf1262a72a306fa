/** The administrator's audit-trail page: search, export, verification of the chain. */
package org.wenzheng.audit.web;
