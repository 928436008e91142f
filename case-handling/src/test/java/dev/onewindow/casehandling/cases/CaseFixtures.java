package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.ClockThresholds;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.security.Roles;

/** Small builders for aggregate tests without Spring: {@code aCase().inReview()}. */
final class CaseFixtures {

    static final CaseRules RULES = new CaseRules(BundledCalendars.official(), ClockThresholds.DEFAULTS, 5, 10, 1);
    static final Actor CITIZEN = new Actor("citizen1", "citizen1", Set.of(Roles.CITIZEN), null);
    static final Actor OFFICER = new Actor("officer1", "officer1", Set.of(Roles.WINDOW_OFFICER), "SCJGJ");
    static final Actor REVIEWER = new Actor("reviewer1", "reviewer1", Set.of(Roles.REVIEWER), "SCJGJ");
    static final Actor APPROVER = new Actor("approver1", "approver1", Set.of(Roles.APPROVER), "SCJGJ");

    private CaseFixtures() {
    }

    static Instant shanghai(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(WorkingDayCalendar.ZONE).toInstant();
    }

    static Builder aCase() {
        return new Builder();
    }

    static final class Builder {
        private int limit = 10;
        private String resultKind = EntrySnapshot.DOCUMENT;
        private CaseKind kind = CaseKind.SINGLE;
        private String parentId;
        private AutoApprovalOutcome autoApproval;
        private Instant at = shanghai(2026, 2, 13, 9);

        Builder limit(int workingDays) { this.limit = workingDays; return this; }
        Builder licenseResult() { this.resultKind = EntrySnapshot.LICENSE; return this; }
        Builder memberOf(String parent) { this.kind = CaseKind.BUNDLE_MEMBER; this.parentId = parent; return this; }
        Builder autoApproval(AutoApprovalOutcome outcome) { this.autoApproval = outcome; return this; }
        Builder submittedAt(Instant instant) { this.at = instant; return this; }

        Case.Draft draft() {
            EntrySnapshot entry = new EntrySnapshot("XK00105000341300SCJGJ", 2, "食品经营许可", "XK", "SCJGJ", "341300",
                    limit, 20, resultKind, EntrySnapshot.LICENSE.equals(resultKind) ? "SPJYXKZ" : null,
                    List.of(new EntrySnapshot.Material("M01", "营业执照", true, List.of("YYZZ")),
                            new EntrySnapshot.Material("M02", "场所证明", false, List.of())),
                    List.of(new EntrySnapshot.Step("受理", 1), new EntrySnapshot.Step("审查", 5),
                            new EntrySnapshot.Step("决定", 4)));
            Applicant applicant = new Applicant(ApplicantType.NATURAL_PERSON, "张三", "cipher", "341302********1234",
                    null, null, null, null, null, null, "holder-ref-1", null);
            Map<String, Object> form = new LinkedHashMap<>(Map.of("shopName", "老张小吃", "age", 35));
            return new Case.Draft(UUID.randomUUID().toString(), "3413002026021300000001", kind, parentId,
                    parentId == null ? null : "CSYJS", parentId == null ? null : "出生一件事", entry, "SCJGJ", "341300",
                    Channel.MOBILE_APP, applicant, List.of("holder-ref-1"), "citizen1", "onewindow-app", form,
                    List.of(Material.file("M01", "file-1", "yyzz.pdf", "application/pdf", 100, at)));
        }

        Case submitted() {
            return Case.submit(draft(), CITIZEN, Roles.CITIZEN, autoApproval, RULES, at);
        }

        Case accepted() {
            Case c = submitted();
            c.accept(OFFICER, RULES, at.plusSeconds(3600));
            return c;
        }

        Case inReview() {
            Case c = accepted();
            c.startReview(REVIEWER, RULES, at.plusSeconds(7200));
            return c;
        }
    }
}
