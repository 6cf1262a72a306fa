/**
 * The sign-in page, the signed-in member of staff, and the back-office home that shows each role its work.
 */
package org.wenzheng.people.web;
