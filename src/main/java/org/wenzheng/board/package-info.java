/**
 * Messages as citizens see them: the message itself, tracking codes, attachments, ratings, topics and the public board's reads. Nothing unaccepted or personal leaves this package's public reads.
 */
package org.wenzheng.board;
