/** The posting form (/board/post.xhtml) and the tracking page (/track/index.xhtml). */
package org.wenzheng.board.posting.web;
