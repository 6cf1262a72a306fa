/** The JSON API other channels (12345 hotline, mini-programs) post and track messages through, with a channel token. */
package org.wenzheng.board.posting.api;
