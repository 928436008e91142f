package dev.onewindow.dataexchange.support;

import dev.onewindow.platform.testkit.TokenMinter;

/** Tokens of the people and systems the tests act as, minted by the test kit (Keycloak-shaped, signed, JWKS). */
public final class People {

    private People() {
    }

    /** A data steward (数据管理员) of a department. */
    public static String steward(String dept) {
        return TokenMinter.shared().user("steward-" + dept.toLowerCase(), "data-steward").dept(dept)
                .region("341300").mint();
    }

    public static String deptAdmin(String dept) {
        return TokenMinter.shared().user("admin-" + dept.toLowerCase(), "dept-admin").dept(dept).region("341300")
                .mint();
    }

    /** A consuming department's system: client credentials with role data-consumer and the department claim. */
    public static String consumer(String dept) {
        return TokenMinter.shared().client(dept.toLowerCase() + "-exchange", "data-consumer").dept(dept)
                .region("341300").mint();
    }

    public static String officer(String dept) {
        return TokenMinter.shared().user("officer-" + dept.toLowerCase(), "window-officer").dept(dept)
                .region("341300").mint();
    }

    public static String citizen() {
        return TokenMinter.shared().user("citizen-x", "citizen").subject("citizen-x").mint();
    }

    public static String auditor() {
        return TokenMinter.shared().user("auditor1", "auditor").dept("SJZYJ").region("341300").mint();
    }
}
