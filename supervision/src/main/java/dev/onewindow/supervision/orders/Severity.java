package dev.onewindow.supervision.orders;

/** 督办 severity (蓝色、橙色、红色督办): it rises as an order stays unanswered, is escalated, or the matter repeats. */
public enum Severity {
    BLUE, ORANGE, RED;

    /** The next level; RED stays RED. */
    public Severity next() {
        return this == RED ? RED : values()[ordinal() + 1];
    }
}
