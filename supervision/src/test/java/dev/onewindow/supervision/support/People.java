package dev.onewindow.supervision.support;

import dev.onewindow.platform.testkit.TokenMinter;

/** The staff of the tests, as Keycloak-shaped tokens: roles, department and region as the realm gives them. */
public final class People {

    private People() {
    }

    public static String supervisor(String region) {
        return TokenMinter.shared().user("supervisor-" + region, "supervisor").region(region).mint();
    }

    public static String auditor() {
        return TokenMinter.shared().user("auditor1", "auditor").region("341300").mint();
    }

    public static String handler(String department, String region) {
        return TokenMinter.shared().user("handler-" + department, "dept-handler").dept(department).region(region)
                .mint();
    }
}
