package dev.onewindow.hotline.orders;

/** The caller's demand (诉求类型). */
public enum DemandType {
    /** 咨询 */
    CONSULTATION,
    /** 求助 */
    HELP,
    /** 投诉 */
    COMPLAINT,
    /** 举报 */
    REPORT,
    /** 建议 */
    SUGGESTION,
    /** 表扬 */
    PRAISE
}
