/**
 * The development launcher (run command) and the embedded PostgreSQL that it and the tests use. Not part of the WAR.
 */
package org.wenzheng.dev;
