package dev.onewindow.casehandling.support;

import java.util.concurrent.atomic.AtomicLong;

import dev.onewindow.platform.personal.ResidentIdNumber;
import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.platform.testkit.TokenMinter;

/** Valid identities and the tokens of the people who act on cases. */
public final class People {

    private static final TokenMinter TOKENS = TokenMinter.shared();
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 900);

    private People() {
    }

    /** A fresh valid resident ID number (GB 11643 check character) of someone born in 341302 since 1970. */
    public static String newIdNumber() {
        long n = SERIAL.incrementAndGet();
        String birth = java.time.LocalDate.of(1970, 1, 1).plusDays(n / 1000)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        String first17 = "341302" + birth + String.format("%03d", n % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A fresh valid USCC (GB 32100 check character). */
    public static String newUscc() {
        String first17 = "91341300MA" + String.format("%07d", SERIAL.incrementAndGet() % 10_000_000);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    public static String citizen(String username, String idNumber) {
        return TOKENS.user(username, "citizen").idNumber(idNumber).mint();
    }

    public static String enterprise(String username, String uscc, String agentIdNumber) {
        return TOKENS.user(username, "enterprise").uscc(uscc).idNumber(agentIdNumber).mint();
    }

    public static String staff(String username, String role, String department) {
        return TOKENS.user(username, role).dept(department).region("341300").mint();
    }

    public static String officer(String department) {
        return staff("officer-" + department, "window-officer", department);
    }

    public static String reviewer(String department) {
        return staff("reviewer-" + department, "reviewer", department);
    }

    public static String approver(String department) {
        return staff("approver-" + department, "approver", department);
    }

    public static String partner() {
        return TOKENS.client("partner-demo", "partner").mint();
    }
}
