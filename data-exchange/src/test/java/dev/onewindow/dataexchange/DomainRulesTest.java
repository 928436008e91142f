package dev.onewindow.dataexchange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.onewindow.dataexchange.grants.Grant;
import dev.onewindow.dataexchange.resources.DataResource;
import dev.onewindow.dataexchange.resources.FieldType;
import dev.onewindow.dataexchange.sharing.ShareRequest;
import dev.onewindow.dataexchange.sharing.ShareStatus;
import dev.onewindow.dataexchange.support.Fixtures;
import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregates' own rules, without Spring: requests, decisions on the clock, grants, record checks, masking. */
class DomainRulesTest {

    private static final WorkingDayCalendar CALENDAR = BundledCalendars.official();

    private static Instant at(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0).atZone(WorkingDayCalendar.ZONE).toInstant();
    }

    private static ShareRequest ask(DataResource r, List<String> fields, List<String> unmasked, Instant now) {
        return ShareRequest.file("5b0e2a1c-7d3f-4e4a-9b6c-1f2e3d4c5b6a", r, "WSJKW", "341300", "steward-wsjkw",
                new ShareRequest.Ask(fields, unmasked, "核验", "依据", now.plus(Duration.ofDays(90)), null),
                Limit.workingDays(10), CALENDAR, now);
    }

    @Test
    void aConditionalRequestIsDueTenWorkingDaysLaterOnThe2026Calendar() {
        // Wednesday 30 September: 国庆 1–7 October within, Saturday 10 October worked
        ShareRequest r = ask(Fixtures.socialInsurance(at(9, 1, 9)), List.of("insuredStatus"), List.of(),
                at(9, 30, 10));

        assertThat(r.status()).isEqualTo(ShareStatus.PENDING);
        assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-10-20T16:00:00Z"));
        assertThat(r.overdue(CALENDAR, at(10, 20, 20))).isFalse();
        assertThat(r.overdue(CALENDAR, at(10, 21, 9))).isTrue();
    }

    @Test
    void onlyPersonalRequestedFieldsAreUnmaskedAndAGrantGivesNoMoreThanAsked() {
        DataResource r = Fixtures.socialInsurance(at(3, 2, 9));
        assertThatThrownBy(() -> ask(r, List.of("insuredStatus"), List.of("name"), at(3, 2, 10)))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("UNMASKED_NOT_REQUESTED");
        assertThatThrownBy(() -> ask(r, List.of("insuredStatus", "name"), List.of("insuredStatus"), at(3, 2, 10)))
                .extracting("code").isEqualTo("NOT_PERSONAL");
        ShareRequest asked = ask(r, List.of("idNumber", "insuredStatus"), List.of(), at(3, 2, 10));
        assertThatThrownBy(() -> asked.termsApproved(r, new ShareRequest.Approval(List.of("name"), null, null, null),
                at(6, 1, 0), 60, Duration.ofMinutes(1))).extracting("code").isEqualTo("FIELD_NOT_REQUESTED");
    }

    @Test
    void aGrantIsLiveUntilItsExpiryOrRevocationAndExpiresOnce() {
        Grant g = Grant.issue("6a8c0e13-2d4f-4a5b-8c9d-1e2f3a4b5c6d", new Grant.Terms("RSJ-SBJL", "RSJ", "WSJKW",
                "341300", List.of("insuredStatus"), List.of(), "核验", "依据", at(3, 31, 0), 60, Duration.ofMinutes(1)),
                at(3, 2, 9));

        assertThat(g.live(at(3, 30, 23))).isTrue();
        assertThat(g.live(at(3, 31, 0))).isFalse();
        assertThatThrownBy(() -> g.requireLive(at(3, 31, 1))).extracting("code").isEqualTo("GRANT_EXPIRED");
        assertThat(g.expire(at(3, 30, 0))).isFalse();
        assertThat(g.expire(at(3, 31, 1))).isTrue();
        assertThat(g.expire(at(3, 31, 2))).isFalse();
        assertThatThrownBy(() -> g.revoke("steward-rsj", "x", at(4, 1, 9))).extracting("code")
                .isEqualTo("ILLEGAL_STATE_TRANSITION");
    }

    @Test
    void pushedRecordsAreCheckedAgainstTheFieldsAndPersonalValuesMaskByType() {
        DataResource r = Fixtures.socialInsurance(at(3, 2, 9));
        assertThatThrownBy(() -> r.checkRecord(Map.of("idNumber", "341302199003071235"))).extracting("code")
                .isEqualTo("INVALID_ID_NUMBER");
        assertThatThrownBy(() -> r.checkRecord(Map.of("insuredStatus", "正常"))).extracting("code")
                .isEqualTo("KEY_REQUIRED");
        assertThatThrownBy(() -> r.checkRecord(Map.of("idNumber", "341302199003071234", "monthlyBase", "高")))
                .extracting("code").isEqualTo("INVALID_VALUE");

        assertThat(FieldType.ID_NUMBER.mask("341302199003071234")).isEqualTo("341302********1234");
        assertThat(FieldType.MOBILE.mask("13805571234")).isEqualTo("138****1234");
        assertThat(FieldType.NAME.mask("欧阳娜娜")).isEqualTo("欧***");
        assertThat(FieldType.NUMBER.mask(5200)).isEqualTo("****");
    }
}
