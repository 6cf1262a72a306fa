package org.wenzheng.common;

/** The body of every API error: a stable code for programs and a message for people. */
public record ApiError(String code, String message) {
}
