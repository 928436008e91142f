package dev.onewindow.platform.calendar;

/** The warning level of a {@link WorkClock} (红黄绿灯), as shown to handlers and supervisors. */
public enum ClockLevel {
    /** Comfortably within the limit. */
    GREEN,
    /** Close to the limit: most of it used, or little time left (预警). */
    YELLOW,
    /** Past the due instant (超期). */
    RED
}
