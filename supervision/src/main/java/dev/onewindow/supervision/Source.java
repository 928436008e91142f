package dev.onewindow.supervision;

/** Who owns a watched matter, and so which topic its clocks come from. */
public enum Source {
    /** 办件, case-handling: the acceptance window and the handling clock. */
    CASE,
    /** 12345 工单, hotline-12345: the sign, reply and callback steps. */
    WORK_ORDER,
    /** 好差评, evaluation: ratings (flags only). */
    RATING,
    /** 差评整改, evaluation: the department's rectification clock. */
    RECTIFICATION,
    /** 共享申请, data-exchange: the providing department's decision on a conditional resource. */
    SHARE_REQUEST,
    /** 数据疑义, data-exchange: the provider's answer. */
    OBJECTION,
    /** 双随机 inspections, supervision itself: the publication of results. */
    INSPECTION
}
