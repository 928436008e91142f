package dev.onewindow.supervision.orders;

/** OPEN: waiting for the department's reply; REPLIED: waiting for the supervisor; CLOSED: done. */
public enum OrderStatus {
    OPEN, REPLIED, CLOSED
}
