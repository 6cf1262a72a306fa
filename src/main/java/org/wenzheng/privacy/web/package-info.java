/** The intake page's "show contact in full" action (audited through the privacy service). */
package org.wenzheng.privacy.web;
