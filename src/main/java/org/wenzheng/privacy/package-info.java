/**
 * Personal data of citizens (issue #8): phone and e-mail encrypted at rest with AES-256-GCM under a versioned key
 * ({@link org.wenzheng.privacy.ContactCipher}, {@link org.wenzheng.privacy.ContactConverter}), masked for display and
 * in logs ({@link org.wenzheng.privacy.ContactMask}), shown in full to an intake officer only on request with an audit
 * entry ({@link org.wenzheng.privacy.ContactService}), and erased after the retention period
 * ({@link org.wenzheng.privacy.ContactRetentionJob}).
 */
package org.wenzheng.privacy;
