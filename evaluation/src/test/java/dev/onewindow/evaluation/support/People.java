package dev.onewindow.evaluation.support;

import dev.onewindow.platform.testkit.TokenMinter;

/** Tokens of the people the tests act as, minted by the test kit (Keycloak-shaped, signed, served from a JWKS). */
public final class People {

    private People() {
    }

    /** A real-name citizen: the identity provider vouches for the ID number ({@code id_number}). */
    public record Citizen(String subject, String idNumber) {

        public String token() {
            return TokenMinter.shared().user("citizen-" + subject, "citizen").subject(subject).idNumber(idNumber)
                    .mint();
        }
    }

    public static String handler(String dept) {
        return TokenMinter.shared().user("handler-" + dept.toLowerCase(), "dept-handler").dept(dept)
                .region("341300").mint();
    }

    public static String deptAdmin(String dept) {
        return TokenMinter.shared().user("admin-" + dept.toLowerCase(), "dept-admin").dept(dept).region("341300")
                .mint();
    }

    public static String officer(String dept) {
        return TokenMinter.shared().user("officer-" + dept.toLowerCase(), "window-officer").dept(dept)
                .region("341300").mint();
    }

    public static String evalAdmin() {
        return TokenMinter.shared().user("evaladmin1", "eval-admin").dept("SJZYJ").region("341300").mint();
    }

    public static String auditor() {
        return TokenMinter.shared().user("auditor1", "auditor").dept("SJZYJ").region("341300").mint();
    }

    /** A citizen signed in without a vouched ID number (a hotline caller known by the token subject). */
    public static String citizenBySubject(String subject) {
        return TokenMinter.shared().user("caller-" + subject, "citizen").subject(subject).mint();
    }
}
