package dev.onewindow.dataexchange.sharing;

public enum ShareStatus {
    /** A conditional request waiting for the providing department's decision, on its clock. */
    PENDING,
    GRANTED,
    REJECTED
}
