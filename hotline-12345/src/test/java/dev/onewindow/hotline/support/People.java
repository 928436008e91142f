package dev.onewindow.hotline.support;

import dev.onewindow.platform.testkit.TokenMinter;

/** Tokens of the people the tests act as, minted by the test kit (Keycloak-shaped, signed, served from a JWKS). */
public final class People {

    private People() {
    }

    public static String agent() {
        return TokenMinter.shared().user("agent1", "hotline-agent").dept("SJZYJ").region("341300").mint();
    }

    public static String dispatcher() {
        return TokenMinter.shared().user("dispatcher1", "hotline-dispatcher").dept("SJZYJ").region("341300").mint();
    }

    /** A department handler ({@code dept-handler}) of {@code dept}. */
    public static String handler(String dept) {
        return TokenMinter.shared().user("handler-" + dept.toLowerCase(), "dept-handler").dept(dept)
                .region("341300").mint();
    }

    public static String supervisor(String region) {
        return TokenMinter.shared().user("supervisor-" + region, "supervisor").dept("SJZYJ").region(region).mint();
    }

    public static String auditor() {
        return TokenMinter.shared().user("auditor1", "auditor").dept("SJZYJ").region("341300").mint();
    }

    /** A signed-in citizen with subject {@code subject}. */
    public static String citizen(String subject) {
        return TokenMinter.shared().user("citizen-" + subject, "citizen").subject(subject).mint();
    }

    public static String partner(String clientId) {
        return TokenMinter.shared().client(clientId, "partner").mint();
    }
}
