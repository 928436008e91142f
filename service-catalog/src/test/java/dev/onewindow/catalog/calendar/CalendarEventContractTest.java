package dev.onewindow.catalog.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.onewindow.platform.testkit.JsonSchema;
import dev.onewindow.platform.calendar.CalendarYear;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarEventContractTest {

    @Test
    void calendarUpdatedMatchesItsContract() {
        CalendarYearRecord record = CalendarYearRecord.of(CalendarYear.weekdaysOnly(2027), "bundled");
        record.replace(CalendarYear.of(2027, List.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-05")),
                List.of(LocalDate.parse("2027-02-13"))), "catalogadmin1", Instant.parse("2026-12-01T00:00:00Z"));
        JsonNode data = JsonMapper.builder().build().valueToTree(record.pendingEvents().get(0).payload());

        assertThat(JsonSchema.forEvent("calendar.updated").data().violations(data)).isEmpty();
        assertThat(JsonSchema.paths(data)).containsExactlyElementsOf(
                JsonSchema.paths(JsonSchema.sample("calendar.updated").get("data")));
        assertThat(data.get("holidays").get(1).asString()).isEqualTo("2027-02-05");
    }
}
