package dev.onewindow.casehandling.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.onewindow.casehandling.cases.Actor;
import dev.onewindow.casehandling.cases.Applicant;
import dev.onewindow.casehandling.cases.ApplicantType;
import dev.onewindow.casehandling.cases.Case;
import dev.onewindow.casehandling.cases.CaseKind;
import dev.onewindow.casehandling.cases.CaseRules;
import dev.onewindow.casehandling.cases.CaseService;
import dev.onewindow.casehandling.cases.CaseStatus;
import dev.onewindow.casehandling.cases.CaseView;
import dev.onewindow.casehandling.cases.Channel;
import dev.onewindow.casehandling.cases.EntrySnapshot;
import dev.onewindow.casehandling.cases.Material;
import dev.onewindow.casehandling.cases.SubmissionService;
import dev.onewindow.casehandling.config.CaseHandlingProperties;
import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.calendar.ClockThresholds;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import dev.onewindow.platform.testkit.web.RoleMatrix;
import dev.onewindow.platform.testkit.web.SliceCallers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.onewindow.platform.testkit.web.RoleMatrix.get;
import static dev.onewindow.platform.testkit.web.RoleMatrix.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case API's role rules, played against the controller slice (the platform's security and problem handling come
 * with it): every endpoint with each role it allows, one it does not, and no token; and the caller the token names is
 * what the controller hands to the service.
 */
@ActiveProfiles("local") // like every test: the production settings require secrets
@WebMvcTest(CaseController.class)
@Import(CaseControllerTest.Settings.class)
class CaseControllerTest {

    static final String ID = "6f1c2a4e-1b7d-4c55-9f3e-2b8a7d9c0e11";
    private static final String CASES = "/api/v1/cases";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SubmissionService submissions;
    @MockitoBean
    CaseService cases;

    @TestConfiguration(proxyBeanMethods = false)
    static class Settings {
        @Bean
        CaseHandlingProperties caseHandlingProperties() {
            return new CaseHandlingProperties(null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }
    }

    @BeforeEach
    void servicesAnswer() {
        CaseView view = storedCase();
        given(submissions.submit(any(), any())).willReturn(view);
        given(submissions.submitBundle(any(), any())).willReturn(view);
        given(cases.mine(any(), any())).willReturn(new PageImpl<>(List.of(view)));
        given(cases.worklist(any(), any(), any(), any())).willReturn(new PageImpl<>(List.of(view)));
        given(cases.get(anyString(), any())).willReturn(view);
        given(cases.accept(anyString(), any())).willReturn(view);
        given(cases.reject(anyString(), anyString(), any())).willReturn(view);
        given(cases.requestSupplement(anyString(), anyList(), any(), any())).willReturn(view);
        given(cases.startReview(anyString(), any())).willReturn(view);
        given(cases.suspend(anyString(), anyString(), anyString(), any())).willReturn(view);
        given(cases.resume(anyString(), any(), any())).willReturn(view);
        given(cases.approve(anyString(), any(), any())).willReturn(view);
        given(cases.deny(anyString(), anyString(), anyString(), any())).willReturn(view);
        given(cases.extend(anyString(), anyInt(), anyString(), any())).willReturn(view);
        given(cases.supplement(anyString(), anyList(), any(), any(), any())).willReturn(view);
        given(cases.withdraw(anyString(), any(), any())).willReturn(view);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointIsForItsRolesOnly() {
        String one = CASES + "/" + ID;
        return RoleMatrix.using(mvc)
                .endpoint(() -> post(CASES, """
                        {"implementationCode":"XK00105000341300SCJGJ","channel":"MOBILE_APP",
                         "applicant":{"name":"张三"},"materials":[{"code":"M01","fileId":"f-1"}]}"""))
                .allows("citizen", "enterprise", "window-officer", "partner").answers(201)
                .endpoint(() -> post(CASES + "/bundles", """
                        {"bundleCode":"CSYJS","channel":"MINI_PROGRAM","applicant":{"name":"张三"},
                         "materials":[{"code":"B01","fileId":"f-1"}]}"""))
                .allows("citizen", "enterprise", "window-officer", "partner").answers(201)
                .endpoint(() -> get(CASES + "/mine")).allows("citizen", "enterprise").answers(200)
                .endpoint(() -> get(CASES + "?status=ACCEPTED&level=RED&page=0&size=20"))
                .allows("window-officer", "reviewer", "approver", "dept-admin").answers(200)
                .endpoint(() -> get(one)).allowsAnySignedIn().answers(200)
                .endpoint(() -> get(one + "/history")).allowsAnySignedIn().answers(200)
                .endpoint(() -> post(one + "/accept")).allows("window-officer").answers(200)
                .endpoint(() -> post(one + "/reject", """
                        {"reason":"不属于本部门职权范围"}""")).allows("window-officer").answers(200)
                .endpoint(() -> post(one + "/supplement-requests", """
                        {"items":[{"materialCode":"M02","description":"请提交场所证明"}],"comment":"一次性告知"}"""))
                .allows("window-officer", "reviewer").answers(200)
                .endpoint(() -> post(one + "/review")).allows("reviewer").answers(200)
                .endpoint(() -> post(one + "/suspend", """
                        {"procedure":"专家评审","reason":"需组织专家现场核查"}""")).allows("reviewer").answers(200)
                .endpoint(() -> post(one + "/resume", """
                        {"comment":"专家意见已出具"}""")).allows("reviewer").answers(200)
                .endpoint(() -> post(one + "/approve")).allows("approver").answers(200)
                .endpoint(() -> post(one + "/deny", """
                        {"reason":"不符合条件","remedy":"可申请行政复议"}""")).allows("approver").answers(200)
                .endpoint(() -> post(one + "/extensions", """
                        {"workingDays":5,"reason":"情况复杂"}""")).allows("approver").answers(200)
                .endpoint(() -> post(one + "/supplement", """
                        {"materials":[{"code":"M02","fileId":"f-2"}],"comment":"已补齐"}"""))
                .allows("citizen", "enterprise").answers(200)
                .endpoint(() -> post(one + "/withdraw", """
                        {"reason":"不再经营"}""")).allows("citizen", "enterprise").answers(200)
                .tests();
    }

    @Test
    void theWorklistIsAskedForTheDepartmentTheTokenNames() throws Exception {
        mvc.perform(get(CASES + "?status=IN_REVIEW&level=YELLOW&page=2&size=30")
                        .with(SliceCallers.withRoles("reviewer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(ID));

        ArgumentCaptor<Caller> caller = ArgumentCaptor.forClass(Caller.class);
        verify(cases).worklist(caller.capture(), eq(CaseStatus.IN_REVIEW), eq(ClockLevel.YELLOW),
                eq(PageRequest.of(2, 30)));
        assertThat(caller.getValue().dept()).isEqualTo(SliceCallers.DEPT);
        assertThat(caller.getValue().region()).isEqualTo(SliceCallers.REGION);
        assertThat(caller.getValue().subject()).isEqualTo("subject-reviewer");
        assertThat(caller.getValue().roles()).containsExactly("reviewer");
    }

    @Test
    void aCaseIsReadForTheCallerTheTokenNames() throws Exception {
        mvc.perform(get(CASES + "/" + ID).with(SliceCallers.withRoles("citizen")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNo").value("3413002026021300000001"))
                .andExpect(jsonPath("$.applicant.idNumber").value("341302********1234"));

        ArgumentCaptor<Caller> caller = ArgumentCaptor.forClass(Caller.class);
        verify(cases).get(eq(ID), caller.capture());
        assertThat(caller.getValue().idNumber()).isEqualTo(SliceCallers.ID_NUMBER);
        assertThat(caller.getValue().dept()).isNull();
    }

    @Test
    void aPageBeyondTheConfiguredLargestIsRefusedBeforeTheServiceIsAsked() throws Exception {
        mvc.perform(get(CASES + "/mine?size=101").with(SliceCallers.withRoles("citizen")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PAGE"));
        mvc.perform(get(CASES + "/not-a-case-id").with(SliceCallers.withRoles("citizen")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        verify(cases, org.mockito.Mockito.never()).mine(any(), any());
        verify(cases, org.mockito.Mockito.never()).get(anyString(), isNull());
    }

    /** A submitted case as the services would answer it. */
    static CaseView storedCase() {
        Instant at = Instant.parse("2026-02-13T01:00:00Z");
        EntrySnapshot entry = new EntrySnapshot("XK00105000341300SCJGJ", 1, "食品经营许可", "XK", "SCJGJ", "341300", 10,
                20, EntrySnapshot.DOCUMENT, null, List.of(new EntrySnapshot.Material("M01", "营业执照", true,
                        List.of("YYZZ"))));
        Applicant applicant = new Applicant(ApplicantType.NATURAL_PERSON, "张三", "cipher", "341302********1234",
                null, null, null, null, null, null, "holder-ref", null);
        Case.Draft draft = new Case.Draft(ID, "3413002026021300000001", CaseKind.SINGLE, null, null, null, entry,
                "SCJGJ", "341300", Channel.MOBILE_APP, applicant, List.of("holder-ref"), "citizen-1",
                "onewindow-app", Map.of("shopName", "老张小吃"),
                List.of(Material.file("M01", "f-1", "yyzz.pdf", "application/pdf", 100, at)));
        CaseRules rules = new CaseRules(BundledCalendars.official(), ClockThresholds.DEFAULTS, 5, 10, 1);
        Case c = Case.submit(draft, new Actor("citizen-1", "citizen-1", Set.of(Roles.CITIZEN), null), Roles.CITIZEN,
                null, rules, at);
        return new CaseView(c, null, false, c.formData());
    }
}
