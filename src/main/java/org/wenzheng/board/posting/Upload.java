package org.wenzheng.board.posting;

import java.io.Serializable;

/**
 * A file as received. {@code content} is null when the file was larger than allowed and so was not read at all;
 * {@code size} is what the client announced or what was read.
 */
public record Upload(String fileName, long size, byte[] content) implements Serializable {
}
