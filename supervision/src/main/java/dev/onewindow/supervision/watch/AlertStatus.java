package dev.onewindow.supervision.watch;

/** An alert is open until its clock stops (clock alerts) — flags stay open as a record. */
public enum AlertStatus {
    OPEN,
    CLEARED
}
