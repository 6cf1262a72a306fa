/**
 * What the integration tests share: the run-wide test database, the deployment, the headless browser.
 */
package org.wenzheng.testsupport;
