package dev.onewindow.supervision.orders;

import java.time.Instant;
import java.time.LocalDateTime;

import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.domain.ConflictException;
import dev.onewindow.supervision.Source;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 督办单's rules without Spring, on the 2026 calendar (Qingming: Saturday 4 – Monday 6 April are off). */
class SupervisionOrderTest {

    private static final WorkingDayCalendar CALENDAR = BundledCalendars.official();
    private static final Limit TWO_DAYS = Limit.workingDays(2);

    private static Instant at(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0).atZone(WorkingDayCalendar.ZONE).toInstant();
    }

    private static SupervisionOrder opened(boolean repeated, Instant now) {
        return SupervisionOrder.open("o-1", null, null, new SupervisionOrder.Matter(Source.CASE, "c-1", null,
                "341302", "YQSCJGJ"), "请说明", "sup", repeated, TWO_DAYS, CALENDAR, now);
    }

    @Test
    void theReplyIsDueTwoWorkingDaysLaterSkippingTheHoliday() {
        // Thursday 2 April: 3 April is a working day, 4–6 April are off: due at the end of Tuesday 7 April
        SupervisionOrder order = opened(false, at(4, 2, 10));
        assertThat(order.replyDueAt()).isEqualTo(at(4, 8, 0));
        assertThat(order.severity()).isEqualTo(Severity.BLUE);
        assertThat(opened(true, at(4, 2, 10)).severity()).isEqualTo(Severity.ORANGE);
    }

    @Test
    void unansweredItRisesToRedAndStaysThere() {
        SupervisionOrder order = opened(false, at(4, 2, 10));
        assertThat(order.escalateIfUnanswered(TWO_DAYS, CALENDAR, at(4, 7, 23))).isFalse();
        assertThat(order.escalateIfUnanswered(TWO_DAYS, CALENDAR, at(4, 8, 1))).isTrue();
        assertThat(order.severity()).isEqualTo(Severity.ORANGE);
        assertThat(order.escalateIfUnanswered(TWO_DAYS, CALENDAR, at(4, 11, 1))).isTrue();
        assertThat(order.severity()).isEqualTo(Severity.RED);
        assertThat(order.escalateIfUnanswered(TWO_DAYS, CALENDAR, at(4, 20, 1))).isFalse();
        assertThat(order.escalations()).isEqualTo(2);
        assertThatThrownBy(() -> order.escalate("SUPERVISOR", true, TWO_DAYS, CALENDAR, at(4, 20, 2)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyARepliedOrderCloses() {
        SupervisionOrder order = opened(false, at(4, 2, 10));
        assertThatThrownBy(() -> order.close(null, CALENDAR, at(4, 3, 10))).isInstanceOf(ConflictException.class);
        order.reply("已办", "h", CALENDAR, at(4, 3, 10));
        assertThat(order.replies()).singleElement().satisfies(r -> assertThat(r.onTime()).isTrue());
        assertThat(order.escalateIfUnanswered(TWO_DAYS, CALENDAR, at(4, 20, 1))).isFalse();
        order.close("同意", CALENDAR, at(4, 7, 10));
        assertThat(order.status()).isEqualTo(OrderStatus.CLOSED);
        assertThatThrownBy(() -> order.reply("x", "h", CALENDAR, at(4, 8, 10)))
                .isInstanceOf(ConflictException.class);
    }
}
