package org.wenzheng.batch;

/** OPEN while messages are gathered, SLIPPED once the forwarding slip exists, ROUTED once the leader has routed it. */
public enum BatchStatus {
    OPEN, SLIPPED, ROUTED
}
