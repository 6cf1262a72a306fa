/**
 * Posting a message and following it (issue #4, the citizen's side): the form's rules, attachments checked by
 * content and stored outside the web root, the self-hosted challenge, rate limits and duplicate refusal, tracking by
 * 查询码 with brute-force throttling, ratings, follow-ups, and channel tokens for other channels' API calls.
 */
package org.wenzheng.board.posting;
