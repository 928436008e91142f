package dev.onewindow.catalog.calendar.web;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import dev.onewindow.catalog.calendar.CalendarService;
import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.CalendarYear;
import dev.onewindow.platform.testkit.web.RoleMatrix;
import dev.onewindow.platform.testkit.web.SliceCallers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.onewindow.platform.testkit.web.RoleMatrix.get;
import static dev.onewindow.platform.testkit.web.RoleMatrix.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

/** The calendar endpoints' role rules over the controller slice: reads are public, catalog admins maintain years. */
@WebMvcTest(CalendarController.class)
class CalendarControllerTest {

    private static final String YEAR_2027 = """
            {"holidays":["2027-01-01","2027-02-05"],"makeUpWorkingDays":["2027-02-13"]}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CalendarService calendar;

    @BeforeEach
    void calendar() {
        given(calendar.calendar()).willReturn(BundledCalendars.official());
        given(calendar.year(2026)).willReturn(BundledCalendars.load(2026));
        given(calendar.replaceYear(eq(2027), any(), any(), anyString())).willReturn(CalendarYear.of(2027,
                List.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-05")),
                List.of(LocalDate.parse("2027-02-13"))));
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> get("/api/v1/catalog/calendar/days/2026-02-14")).isPublic().answers(200)
                .endpoint(() -> get("/api/v1/catalog/calendar/add?from=2026-02-13&workingDays=1")).isPublic()
                .answers(200)
                .endpoint(() -> get("/api/v1/catalog/calendar/count?from=2026-02-13&to=2026-02-28")).isPublic()
                .answers(200)
                .endpoint(() -> get("/api/v1/catalog/calendar/years/2026")).isPublic().answers(200)
                .endpoint(() -> put("/api/v1/catalog/calendar/years/2027", YEAR_2027)).allows("catalog-admin")
                .answers(200)
                .tests();
    }

    @Test
    void theAdminsChangeReachesTheServiceWithTheirName() throws Exception {
        assertThat(mvc.perform(put("/api/v1/catalog/calendar/years/2027", YEAR_2027)
                .with(SliceCallers.withRoles("catalog-admin"))).andReturn().getResponse().getStatus()).isEqualTo(200);
        verify(calendar).replaceYear(2027, List.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-05")),
                List.of(LocalDate.parse("2027-02-13")), "user-catalog-admin");
    }
}
