package org.wenzheng.handling;

/** Why a unit returns (退回) a case as misrouted; texts in the bundles as return.reason.NAME. */
public enum ReturnReason {
    /** 不属本单位职责 */
    NOT_OUR_REMIT,
    /** 应由其他单位办理 */
    WRONG_UNIT,
    /** 信息不全 */
    NEED_MORE_INFO,
    /** 其他 */
    OTHER
}
