package dev.onewindow.elicense.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.events.OutboxEntry;
import dev.onewindow.platform.domain.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The licence's own rules: status transitions, revocation is final, expiry is derived, events are registered. */
class LicenseTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static License aLicense(LocalDate validUntil) {
        LicenseContent content = new LicenseContent("SPJYXKZ34130000000001", "SPJYXKZ", "ab".repeat(32),
                Map.of("operatorName", "示范"), "SCJGJ", "341300", TODAY, validUntil, 1, null, NOW, "ES256", "k1",
                "salt");
        return License.issue(content, new Seal("ES256", "k1", "d", "s", "c"), 3, "case-1", "approver1");
    }

    @Test
    void issuingRegistersLicenseIssuedWithoutPersonalFields() {
        License license = aLicense(LocalDate.of(2031, 3, 1));
        assertThat(license.statusOn(TODAY)).isEqualTo(LicenseStatus.VALID);
        assertThat(types(license)).containsExactly("license.issued");
        LicenseIssued issued = (LicenseIssued) license.pendingEvents().get(0).payload();
        assertThat(issued.caseId()).isEqualTo("case-1");
        assertThat(issued.validUntil()).isEqualTo(LocalDate.of(2031, 3, 1));
    }

    @Test
    void suspendReinstateThenRevokeAndRevocationIsFinal() {
        License license = aLicense(null);
        license.suspend("approver1", "inspection", TODAY, NOW);
        assertThat(license.statusOn(TODAY)).isEqualTo(LicenseStatus.SUSPENDED);
        assertThatThrownBy(() -> license.suspend("approver1", null, TODAY, NOW)).isInstanceOfSatisfying(
                ConflictException.class, e -> assertThat(e.properties()).containsEntry("currentState", "SUSPENDED"));
        license.reinstate("approver1", null, TODAY, NOW);
        license.revoke("approver1", "fraud", null, TODAY, NOW);

        assertThat(license.statusOn(TODAY)).isEqualTo(LicenseStatus.REVOKED);
        assertThatThrownBy(() -> license.reinstate("approver1", null, TODAY, NOW))
                // a conflict: the kind the problem handler answers with 409
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("ILLEGAL_STATE_TRANSITION"));
        assertThatThrownBy(() -> license.revoke("approver1", null, null, TODAY, NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> license.requireReissuable(TODAY)).isInstanceOf(ConflictException.class);
        assertThat(types(license)).containsExactly("license.issued", "license.suspended", "license.reinstated",
                "license.revoked");
        assertThat(license.pendingEvents()).extracting(OutboxEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(license.history()).extracting(c -> c.to()).containsExactly(LicenseStatus.VALID,
                LicenseStatus.SUSPENDED, LicenseStatus.VALID, LicenseStatus.REVOKED);
    }

    @Test
    void expiryIsDerivedFromValidityOnEveryRead() {
        License license = aLicense(LocalDate.of(2026, 3, 31));
        assertThat(license.statusOn(LocalDate.of(2026, 3, 31))).isEqualTo(LicenseStatus.VALID);
        assertThat(license.statusOn(LocalDate.of(2026, 4, 1))).isEqualTo(LicenseStatus.EXPIRED);
        assertThatThrownBy(() -> license.suspend("approver1", null, LocalDate.of(2026, 4, 1), NOW))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.properties()).containsEntry("currentState", "EXPIRED"));
        assertThatThrownBy(() -> license.requireReissuable(LocalDate.of(2026, 4, 1)))
                .isInstanceOf(ConflictException.class);
        // revoked wins over expired
        license.revoke("approver1", null, null, LocalDate.of(2026, 4, 1), NOW);
        assertThat(license.statusOn(LocalDate.of(2026, 4, 1))).isEqualTo(LicenseStatus.REVOKED);
    }

    @Test
    void aReissueRevocationNamesTheSuccessorAndAReadIsRecordedAsUse() {
        License license = aLicense(null);
        license.recordUse("GAJ", "case-9", License.CHANNEL_AUTHORIZATION, List.of("operatorName"),
                List.of("operatorName"), NOW);
        license.revoke("approver1", "changed", "SPJYXKZ34130000000002", TODAY, NOW);

        assertThat(license.supersededBy()).isEqualTo("SPJYXKZ34130000000002");
        LicenseUsed used = (LicenseUsed) license.pendingEvents().get(1).payload();
        assertThat(used.disclosedFields()).containsExactly("operatorName");
        LicenseRevoked revoked = (LicenseRevoked) license.pendingEvents().get(2).payload();
        assertThat(revoked.supersededBy()).isEqualTo("SPJYXKZ34130000000002");
    }

    private static List<String> types(License license) {
        return license.pendingEvents().stream().map(OutboxEntry::type).toList();
    }
}
