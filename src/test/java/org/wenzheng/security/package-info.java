/** Tests of issue #8's hardening across features: headers, cookies, CSRF, injection, XSS, encryption, retention. */
package org.wenzheng.security;
