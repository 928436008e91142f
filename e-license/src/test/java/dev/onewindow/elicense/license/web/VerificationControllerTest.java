package dev.onewindow.elicense.license.web;

import java.time.LocalDate;
import java.util.stream.Stream;

import dev.onewindow.elicense.license.LicenseStatus;
import dev.onewindow.elicense.license.Verification;
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
import static dev.onewindow.platform.testkit.web.RoleMatrix.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/** Verification is for anyone: no token needed, and a token that is sent changes nothing. */
@WebMvcTest(VerificationController.class)
class VerificationControllerTest {

    private static final String ID = "SPJYXKZ34130000000001";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Verification verification;

    @BeforeEach
    void aVerifiableLicence() {
        Verification.Result valid = new Verification.Result(ID, "SPJYXKZ", "SCJGJ", true, LicenseStatus.VALID,
                LocalDate.of(2031, 3, 1));
        given(verification.byId(ID)).willReturn(valid);
        given(verification.byToken("h.p.s")).willReturn(valid);
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> get("/api/v1/licenses/verify/" + ID)).isPublic().answers(200)
                .endpoint(() -> post("/api/v1/licenses/verify", "{\"qr\":\"h.p.s\"}")).isPublic().answers(200)
                .tests();
    }

    @Test
    void theDocumentedLimitsAreEnforcedBeforeTheServiceIsAsked() throws Exception {
        assertThat(mvc.perform(get("/api/v1/licenses/verify/" + "A".repeat(35))).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
        assertThat(mvc.perform(post("/api/v1/licenses/verify", "{\"qr\":\"" + "q".repeat(2049) + "\"}")
                .with(SliceCallers.withRoles("citizen"))).andReturn().getResponse().getStatus()).isEqualTo(400);
        verifyNoInteractions(verification);
    }
}
