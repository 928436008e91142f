package dev.onewindow.elicense.authorization.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.onewindow.elicense.authorization.AuthorizationService;
import dev.onewindow.elicense.license.LicenseStatus;
import dev.onewindow.platform.security.Caller;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.onewindow.platform.testkit.web.RoleMatrix.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Only a holder (citizen or enterprise agent) creates an authorization; redeeming has no role rule of its own —
 * the service decides by the caller's department or client — so the caller must reach it as the token says.
 */
@WebMvcTest(AuthorizationController.class)
class AuthorizationControllerTest {

    private static final String LICENCE = "JMSFZ34130000000001";
    private static final String CREATE = """
            {"departmentCode":"SCJGJ","purpose":"application","licenseIds":["%s"],"fields":["name"]}"""
            .formatted(LICENCE);
    private static final String CODE = "c0de-c0de_C0DE";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuthorizationService authorizations;

    @BeforeEach
    void authorizationsAnswer() {
        given(authorizations.create(any(Caller.class), eq("SCJGJ"), isNull(), eq("application"),
                eq(List.of(LICENCE)), eq(List.of("name")))).willReturn(new AuthorizationService.Created(
                "x".repeat(43), Instant.parse("2026-03-02T02:10:00Z"), List.of(LICENCE), "SCJGJ", "341300",
                List.of("name")));
        given(authorizations.redeem(any(Caller.class), eq(CODE), eq("SCJGJ"), any())).willReturn(List.of(
                new AuthorizationService.RedeemedLicense(LICENCE, "JMSFZ", LicenseStatus.VALID, true,
                        "ab".repeat(32), LocalDate.of(2036, 3, 1), Map.of("name", "张伟"), List.of())));
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> post("/api/v1/licenses/authorizations", CREATE)).allows("citizen", "enterprise")
                .answers(201)
                .endpoint(() -> post("/api/v1/licenses/authorizations/" + CODE + "/redeem",
                        "{\"departmentCode\":\"SCJGJ\",\"caseRef\":\"case-7\"}")).allowsAnySignedIn().answers(200)
                .tests();
    }

    @Test
    void theHolderCreatesAsTheIdNumberOfTheirToken() throws Exception {
        mvc.perform(post("/api/v1/licenses/authorizations", CREATE).with(SliceCallers.withRoles("enterprise")));
        verify(authorizations).create(argThat(caller -> SliceCallers.ID_NUMBER.equals(caller.idNumber())
                && SliceCallers.USCC.equals(caller.uscc())), eq("SCJGJ"), isNull(), eq("application"), anyList(),
                anyList());
    }

    @Test
    void staffRedeemAsTheDepartmentOfTheirTokenAndServicesAsTheirClient() throws Exception {
        mvc.perform(post("/api/v1/licenses/authorizations/" + CODE + "/redeem",
                "{\"departmentCode\":\"SCJGJ\",\"caseRef\":\"case-7\"}").with(SliceCallers.withRoles("reviewer")));
        verify(authorizations).redeem(argThat(caller -> SliceCallers.DEPT.equals(caller.dept())), eq(CODE),
                eq("SCJGJ"), eq("case-7"));

        mvc.perform(post("/api/v1/licenses/authorizations/" + CODE + "/redeem", "{\"departmentCode\":\"SCJGJ\"}")
                .with(SliceCallers.withRoles("partner")));
        verify(authorizations).redeem(argThat(caller -> "partner-demo".equals(caller.clientId())), eq(CODE),
                eq("SCJGJ"), isNull());
    }

    @Test
    void theDocumentedLimitsAreEnforcedBeforeTheServiceIsAsked() throws Exception {
        String tooManyLicences = CREATE.replace("[\"" + LICENCE + "\"]",
                "[" + String.join(",", Collections.nCopies(21, "\"" + LICENCE + "\"")) + "]");
        assertThat(status(post("/api/v1/licenses/authorizations", tooManyLicences), "citizen")).isEqualTo(400);
        assertThat(status(post("/api/v1/licenses/authorizations", CREATE.replace(LICENCE, "not-an-id")), "citizen"))
                .isEqualTo(400);
        assertThat(status(post("/api/v1/licenses/authorizations/" + "c".repeat(101) + "/redeem",
                "{\"departmentCode\":\"SCJGJ\"}"), "reviewer")).isEqualTo(400);
        assertThat(status(post("/api/v1/licenses/authorizations/" + CODE + "/redeem",
                "{\"departmentCode\":\"SCJGJ\",\"caseRef\":\"" + "c".repeat(65) + "\"}"), "reviewer")).isEqualTo(400);
        verifyNoInteractions(authorizations);
    }

    private int status(MockHttpServletRequestBuilder request, String role) throws Exception {
        return mvc.perform(request.with(SliceCallers.withRoles(role))).andReturn().getResponse().getStatus();
    }
}
