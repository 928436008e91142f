package dev.onewindow.dataexchange.accesslog;

/** How an access ended. */
public enum Outcome {
    /** Answered: the records went to the consumer. */
    OK,
    /** The provider could not answer (down, slow, circuit open): nothing went to the consumer. */
    FAILED,
    /** Refused: no live grant (revoked, expired, not the caller's). */
    DENIED
}
