/** The JSON side of showing a citizen's contact in full: /api/v1/privacy/…, staff only, audited. */
package org.wenzheng.privacy.api;
