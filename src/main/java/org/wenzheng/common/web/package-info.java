/**
 * Web pieces shared by every page: the reader's language, translated texts, time formatting in Asia/Shanghai, records in EL.
 */
package org.wenzheng.common.web;
