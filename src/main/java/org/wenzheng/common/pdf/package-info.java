/**
 * PDF documents with Chinese text that print the same everywhere: the Chinese font travels inside the application
 * and is embedded (as a subset) into every document, so neither the server nor the reader needs CJK fonts. Used for
 * the forwarding slip (抄告单) and later for overdue notices and bulletins.
 */
package org.wenzheng.common.pdf;
