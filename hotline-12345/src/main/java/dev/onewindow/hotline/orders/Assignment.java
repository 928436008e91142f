package dev.onewindow.hotline.orders;

import java.time.Instant;

/**
 * One department's part in an order: the lead (主办, 首接负责) or a helper (协办). Each signs and replies for itself;
 * the order is replied when the lead replies.
 */
public record Assignment(String department, Role role, State state, Instant dispatchedAt, Instant signedAt,
        Instant repliedAt, String reply) {

    public enum Role { LEAD, HELPER }

    public enum State { DISPATCHED, SIGNED, REPLIED, RETURNED }

    static Assignment dispatched(String department, Role role, Instant at) {
        return new Assignment(department, role, State.DISPATCHED, at, null, null, null);
    }

    Assignment signed(Instant at) {
        return new Assignment(department, role, State.SIGNED, dispatchedAt, at, null, null);
    }

    Assignment replied(String text, Instant at) {
        return new Assignment(department, role, State.REPLIED, dispatchedAt, signedAt, at, text);
    }

    Assignment returned() {
        return new Assignment(department, role, State.RETURNED, dispatchedAt, signedAt, repliedAt, reply);
    }

    /** Signed again for handling after a reopen: the earlier reply stays in the history. */
    Assignment reopened() {
        return new Assignment(department, role, State.SIGNED, dispatchedAt, signedAt, null, null);
    }

    boolean active() {
        return state != State.RETURNED;
    }
}
