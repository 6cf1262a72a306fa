package org.wenzheng.board;

/** What the citizen says the message is: 咨询, 投诉, 建议, 求助, 其他. */
public enum MessageKind {
    QUESTION, COMPLAINT, SUGGESTION, HELP, OTHER
}
