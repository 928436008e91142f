package dev.onewindow.hotline.orders;

/** The caller's verdict at the callback (回访). */
public enum CallbackResult {
    /** 满意 */
    SATISFIED,
    /** 基本满意 */
    BASICALLY_SATISFIED,
    /** 不满意: the order is reopened (重办). */
    UNSATISFIED
}
