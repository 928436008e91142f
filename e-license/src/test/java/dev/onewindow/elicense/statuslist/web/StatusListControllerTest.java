package dev.onewindow.elicense.statuslist.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import dev.onewindow.elicense.statuslist.Bitstring;
import dev.onewindow.elicense.statuslist.StatusLists;
import dev.onewindow.platform.testkit.web.RoleMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.onewindow.platform.testkit.web.RoleMatrix.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/** Status lists are public: a verifier downloads its issuer's whole list without telling who it checks. */
@WebMvcTest(StatusListController.class)
class StatusListControllerTest {

    @Autowired
    MockMvc mvc;

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @MockitoBean
    StatusLists lists;

    /** The controller tells how long a list has left to live: by the service's clock. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @BeforeEach
    void aPublishedList() {
        Instant now = NOW;
        for (StatusLists.Purpose purpose : StatusLists.Purpose.values()) {
            given(lists.of("SCJGJ", purpose)).willReturn(new StatusLists.Published("SCJGJ", purpose.value(), 131_072,
                    new Bitstring(131_072).encode(), now, now.plusSeconds(300), "ES256", "scjgj-2026", "c2ln"));
        }
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> get("/api/v1/licenses/status-lists/SCJGJ")).isPublic().answers(200)
                .endpoint(() -> get("/api/v1/licenses/status-lists/SCJGJ?statusPurpose=suspension")).isPublic()
                .answers(200)
                .tests();
    }

    @Test
    void theDocumentedLimitsAreEnforcedBeforeTheListsAreAsked() throws Exception {
        assertThat(mvc.perform(get("/api/v1/licenses/status-lists/scjgj")).andReturn().getResponse().getStatus())
                .isEqualTo(400);
        assertThat(mvc.perform(get("/api/v1/licenses/status-lists/SCJGJ?statusPurpose=" + "r".repeat(11)))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        verifyNoInteractions(lists);
    }
}
