package dev.onewindow.hotline.orders;

/** How fast an order must be signed for and answered (GB/T 33358-2016 service levels). */
public enum Urgency {
    /** 紧急: danger to life or property; limits in minutes and hours, around the clock. */
    URGENT,
    /** 较急 */
    HIGH,
    /** 一般: limits in working days. */
    NORMAL
}
