package dev.onewindow.elicense.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** Real licences for tests outside the licence package (controller slices), issued as the service issues them. */
public final class LicenseFixtures {

    public static final String ID = "SPJYXKZ34130000000001";
    public static final Instant ISSUED_AT = Instant.parse("2026-03-02T02:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private LicenseFixtures() {
    }

    /** An SPJYXKZ licence of SCJGJ, valid five years, sealed with key {@code k1}. */
    public static License issued() {
        LicenseContent content = new LicenseContent(ID, "SPJYXKZ", "ab".repeat(32), Map.of("operatorName", "示范"),
                "SCJGJ", "341300", TODAY, TODAY.plusYears(5).minusDays(1), 1, null, ISSUED_AT, "ES256", "k1", "salt");
        return License.issue(content, new Seal("ES256", "k1", "digest", "signature", "content"), 3, null,
                "approver1");
    }
}
