/**
 * Units, staff and their roles; sign-in with slow salted hashes and lockout; the Jakarta Security configuration.
 */
package org.wenzheng.people;
