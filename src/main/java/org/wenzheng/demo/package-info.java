/**
 * Demo data for the run command and the tests; never loaded in production (wz.demo.enabled defaults to false).
 */
package org.wenzheng.demo;
