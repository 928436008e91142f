package dev.onewindow.elicense.license.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.onewindow.elicense.license.HolderRefs;
import dev.onewindow.elicense.license.License;
import dev.onewindow.elicense.license.LicenseAccess;
import dev.onewindow.elicense.license.LicenseFixtures;
import dev.onewindow.elicense.license.LicenseReads;
import dev.onewindow.elicense.license.LicenseService;
import dev.onewindow.elicense.license.UsageRecord;
import dev.onewindow.elicense.licensetype.LicenseType;
import dev.onewindow.elicense.licensetype.LicenseTypes;
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
import org.springframework.test.web.servlet.MvcResult;

import static dev.onewindow.platform.testkit.web.RoleMatrix.get;
import static dev.onewindow.platform.testkit.web.RoleMatrix.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Who may call the licence endpoints. None has a role rule of its own: any signed-in caller reaches the service,
 * which scopes the answer to the caller — the holder by the ID number of their token, staff by the {@code dept} of
 * theirs — so what the slice checks beyond the role matrix is that exactly that caller reaches the service.
 */
@WebMvcTest(LicenseController.class)
class LicenseControllerTest {

    private static final String ID = LicenseFixtures.ID;
    private static final String ISSUE = """
            {"typeCode":"SPJYXKZ","region":"341300","holder":{"idNumber":"%s"},"fields":{"operatorName":"示范"}}"""
            .formatted(SliceCallers.ID_NUMBER);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LicenseService licenses;
    @MockitoBean
    LicenseTypes types;
    @MockitoBean
    LicenseAccess access;
    @MockitoBean
    HolderRefs holders;
    @MockitoBean
    LicenseReads reads;

    private final License license = LicenseFixtures.issued();

    @BeforeEach
    void aStoredLicence() {
        LicenseType type = new LicenseType("SPJYXKZ", "食品经营许可证", List.of("SCJGJ"), List.of(), "P5Y");
        given(types.require("SPJYXKZ")).willReturn(type);
        given(types.find("SPJYXKZ")).willReturn(Optional.of(type));
        given(access.requireMayIssue(any(Caller.class), eq(type), isNull())).willReturn("SCJGJ");
        given(holders.ofIdNumber(SliceCallers.ID_NUMBER)).willReturn("ab".repeat(32));
        given(licenses.today()).willReturn(LicenseFixtures.TODAY);
        given(licenses.issue(any())).willReturn(new LicenseService.Issued(license, true));
        given(licenses.ofHolder(any(Caller.class), anyInt())).willReturn(List.of(license));
        given(licenses.administeredBy(any(Caller.class), eq(ID))).willReturn(Optional.of(license));
        given(licenses.suspend(eq(ID), any(Caller.class), any())).willReturn(license);
        given(licenses.reinstate(eq(ID), any(Caller.class), any())).willReturn(license);
        given(licenses.revoke(eq(ID), any(Caller.class), any())).willReturn(license);
        given(licenses.reissue(eq(ID), any(Caller.class), any(), any())).willReturn(license);
        given(reads.ofHolder(any(Caller.class), anyInt())).willReturn(List.of(new UsageRecord("r1", "ab".repeat(32),
                ID, "SPJYXKZ", "341300", "GAJ", "officer3", "case-1", "application", License.CHANNEL_AUTHORIZATION,
                List.of("operatorName"), List.of("operatorName"), Instant.parse("2026-03-02T03:00:00Z"))));
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> get("/api/v1/licenses")).allowsAnySignedIn().answers(200)
                .endpoint(() -> post("/api/v1/licenses", ISSUE)).allowsAnySignedIn().answers(201)
                .endpoint(() -> get("/api/v1/licenses/" + ID)).allowsAnySignedIn().answers(200)
                .endpoint(() -> post("/api/v1/licenses/" + ID + "/suspend")).allowsAnySignedIn().answers(200)
                .endpoint(() -> post("/api/v1/licenses/" + ID + "/reinstate", "{\"reason\":\"inspected\"}"))
                .allowsAnySignedIn().answers(200)
                .endpoint(() -> post("/api/v1/licenses/" + ID + "/revoke")).allowsAnySignedIn().answers(200)
                .endpoint(() -> post("/api/v1/licenses/" + ID + "/reissue", "{\"changes\":{\"premises\":\"x\"}}"))
                .allowsAnySignedIn().answers(201)
                .endpoint(() -> get("/api/v1/licenses/usage")).allowsAnySignedIn().answers(200)
                .tests();
    }

    @Test
    void theHolderReachesTheServiceAsTheIdNumberOfTheirToken() throws Exception {
        perform(get("/api/v1/licenses?limit=7").with(SliceCallers.withRoles("citizen")));
        verify(licenses).ofHolder(argThat(caller -> SliceCallers.ID_NUMBER.equals(caller.idNumber())), eq(7));

        perform(get("/api/v1/licenses/usage").with(SliceCallers.withRoles("citizen")));
        verify(reads).ofHolder(argThat(caller -> SliceCallers.ID_NUMBER.equals(caller.idNumber())), eq(50));

        perform(get("/api/v1/licenses/" + ID).with(SliceCallers.withRoles("citizen")));
        verify(licenses).ownedBy(argThat(caller -> SliceCallers.ID_NUMBER.equals(caller.idNumber())), eq(ID));
    }

    @Test
    void staffReachTheServiceAsTheDepartmentOfTheirToken() throws Exception {
        perform(post("/api/v1/licenses", ISSUE).with(SliceCallers.withRoles("approver")));
        verify(access).requireMayIssue(argThat(caller -> SliceCallers.DEPT.equals(caller.dept())), any(),
                isNull());

        perform(post("/api/v1/licenses/" + ID + "/suspend", "{\"reason\":\"inspection\"}")
                .with(SliceCallers.withRoles("approver")));
        verify(licenses).suspend(eq(ID), argThat(caller -> SliceCallers.DEPT.equals(caller.dept())),
                eq("inspection"));

        perform(post("/api/v1/licenses/" + ID + "/reissue", "{\"changes\":{\"premises\":\"x\"},\"reason\":\"moved\"}")
                .with(SliceCallers.withRoles("dept-admin")));
        verify(licenses).reissue(eq(ID), argThat(caller -> SliceCallers.DEPT.equals(caller.dept())), any(),
                eq("moved"));

        perform(get("/api/v1/licenses/" + ID).with(SliceCallers.withRoles("window-officer")));
        verify(licenses).administeredBy(argThat(caller -> SliceCallers.DEPT.equals(caller.dept())), eq(ID));
    }

    @Test
    void theDocumentedLimitsAreEnforcedBeforeTheServiceIsAsked() throws Exception {
        assertThat(status(get("/api/v1/licenses?limit=201"))).isEqualTo(400);
        assertThat(status(get("/api/v1/licenses/not-a-licence-id"))).isEqualTo(400);
        assertThat(status(post("/api/v1/licenses/" + ID + "/revoke", "{\"reason\":\"" + "x".repeat(501) + "\"}")))
                .isEqualTo(400);
        assertThat(status(post("/api/v1/licenses", ISSUE).header("Idempotency-Key", "k".repeat(101))))
                .isEqualTo(400);
        assertThat(status(post("/api/v1/licenses", ISSUE.replace("341300", "3413"))))
                .isEqualTo(400);
        verifyNoInteractions(licenses);
        verify(access, org.mockito.Mockito.never()).requireMayIssue(any(), any(), anyString());
    }

    private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        MvcResult result = perform(request.with(SliceCallers.withRoles("approver")));
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return result.getResponse().getStatus();
    }

    private MvcResult perform(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request).andReturn();
    }
}
