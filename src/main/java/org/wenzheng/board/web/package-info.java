/**
 * Backing beans of the public pages.
 */
package org.wenzheng.board.web;
