/**
 * Web pieces shared by every page: the reader's language, translated texts, time formatting in Asia/Shanghai, records
 * in EL; the security headers; and what keeps the public reading pages fast: the page cache for anonymous readers
 * ({@link org.wenzheng.common.web.PublicPageCacheFilter}) and the turns in which those pages are rendered
 * ({@link org.wenzheng.common.web.RenderTurnsFilter}).
 */
package org.wenzheng.common.web;
