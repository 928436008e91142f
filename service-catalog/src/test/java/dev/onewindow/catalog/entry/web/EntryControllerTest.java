package dev.onewindow.catalog.entry.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.onewindow.catalog.Fixtures;
import dev.onewindow.catalog.entry.CatalogEntry;
import dev.onewindow.catalog.entry.Contents;
import dev.onewindow.catalog.entry.Editor;
import dev.onewindow.catalog.entry.EntryDraft;
import dev.onewindow.catalog.entry.EntryReads;
import dev.onewindow.catalog.entry.EntryService;
import dev.onewindow.catalog.entry.EntryStatus;
import dev.onewindow.catalog.entry.EntryView;
import dev.onewindow.catalog.entry.Viewer;
import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.catalog.item.ItemType;
import dev.onewindow.platform.testkit.web.RoleMatrix;
import dev.onewindow.platform.testkit.web.SliceCallers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static dev.onewindow.platform.testkit.web.RoleMatrix.get;
import static dev.onewindow.platform.testkit.web.RoleMatrix.post;
import static dev.onewindow.platform.testkit.web.RoleMatrix.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The entry endpoints' role rules as a matrix over the controller slice (security and problem handling of the
 * platform, services mocked), and what of the caller reaches the domain: editors with their department, viewers
 * with theirs, staff lists scoped to the caller's department.
 */
@WebMvcTest(EntryController.class)
class EntryControllerTest {

    private static final String CODE = "XK00105000341300SCJGJ";
    private static final String ENTRY = "/api/v1/catalog/entries/" + CODE;
    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final Editor ADMIN = Editor.system();
    private static final String DRAFT = JsonMapper.builder().build()
            .writeValueAsString(Fixtures.draft("XK00105000", "SCJGJ", "食品经营许可"));
    private static final String REASON = "{\"reason\":\"法规修订\"}";
    private static final String COMMENT = "{\"comment\":\"材料目录缺少申请书样表\"}";
    /** Roles whose slice callers are staff (a token with a {@code dept} claim). */
    private static final String[] STAFF = RoleMatrix.ALL_ROLES.stream()
            .filter(role -> !List.of("citizen", "enterprise", "partner").contains(role)).toArray(String[]::new);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EntryService service;
    @MockitoBean
    EntryReads reads;

    private CatalogEntry draft;
    private CatalogEntry published;

    @BeforeEach
    void entries() {
        draft = CatalogEntry.draft(BasicCode.of("XK00105000"), "SCJGJ", "341300", Contents.full(), ADMIN, NOW);
        published = CatalogEntry.draft(BasicCode.of("XK00105000"), "SCJGJ", "341300", Contents.full(), ADMIN, NOW);
        published.publish(ADMIN, true, NOW);
        // as stored: the revision the repository gave the saved entry
        ReflectionTestUtils.setField(draft, "version", 4L);
        EntryView current = new EntryView(CODE, "XK00105000", ItemType.XK, "SCJGJ", "341300",
                EntryStatus.PUBLISHED, List.of(published.published().orElseThrow()));
        given(reads.current(CODE)).willReturn(Optional.of(current));
        given(reads.version(eq(CODE), eq(1), any())).willReturn(Optional.of(current));
        given(reads.entry(eq(CODE), any())).willReturn(Optional.of(published));
        given(reads.list(any(), any(), any(PageRequest.class)))
                .willReturn(new PageImpl<>(List.of(published), PageRequest.of(0, 20), 1));
        given(service.create(any(), any())).willReturn(draft);
        given(service.saveDraft(any(), eq(CODE), any(), any())).willReturn(draft);
        given(service.submit(any(), eq(CODE), any())).willReturn(draft);
        given(service.returnToDraft(any(), eq(CODE), anyString(), any())).willReturn(draft);
        given(service.publish(any(), eq(CODE), any())).willReturn(published);
        given(service.suspend(any(), eq(CODE), anyString(), any())).willReturn(published);
        given(service.resume(any(), eq(CODE), any())).willReturn(published);
        given(service.withdraw(any(), eq(CODE), anyString(), any())).willReturn(published);
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> get(ENTRY)).isPublic().answers(200)
                .endpoint(() -> get(ENTRY + "/versions/1")).isPublic().answers(200)
                .endpoint(() -> get(ENTRY + "/versions")).isPublic().answers(200)
                .endpoint(() -> get("/api/v1/catalog/entries")).allows(STAFF).answers(200)
                .endpoint(() -> post("/api/v1/catalog/entries", DRAFT)).allows("catalog-admin", "dept-admin")
                .answers(201)
                .endpoint(() -> put(ENTRY + "/draft", DRAFT)).allows("catalog-admin", "dept-admin").answers(200)
                .endpoint(() -> post(ENTRY + "/submit")).allows("catalog-admin", "dept-admin").answers(200)
                .endpoint(() -> post(ENTRY + "/return", COMMENT)).allows("catalog-admin", "reviewer").answers(200)
                .endpoint(() -> post(ENTRY + "/publish")).allows("catalog-admin", "reviewer").answers(200)
                .endpoint(() -> post(ENTRY + "/suspend", REASON)).allows("catalog-admin").answers(200)
                .endpoint(() -> post(ENTRY + "/resume")).allows("catalog-admin").answers(200)
                .endpoint(() -> post(ENTRY + "/withdraw", REASON)).allows("catalog-admin").answers(200)
                .tests();
    }

    @Test
    void anEditorReachesTheDomainWithTheirRoleAndDepartment() throws Exception {
        assertThat(status(post("/api/v1/catalog/entries", DRAFT), SliceCallers.withRoles("dept-admin"))).isEqualTo(201);
        assertThat(status(put(ENTRY + "/draft", DRAFT), SliceCallers.withRoles("catalog-admin"))).isEqualTo(200);

        ArgumentCaptor<Editor> creator = ArgumentCaptor.forClass(Editor.class);
        ArgumentCaptor<EntryDraft> created = ArgumentCaptor.forClass(EntryDraft.class);
        verify(service).create(creator.capture(), created.capture());
        assertThat(creator.getValue()).isEqualTo(new Editor("user-dept-admin", false, true, SliceCallers.DEPT));
        assertThat(creator.getValue().isSystem()).as("a person, never the system").isFalse();
        assertThat(created.getValue().departmentCode()).isEqualTo("SCJGJ");
        assertThat(created.getValue().materials()).hasSize(3);
        ArgumentCaptor<Editor> editor = ArgumentCaptor.forClass(Editor.class);
        verify(service).saveDraft(editor.capture(), eq(CODE), any(), isNull());
        assertThat(editor.getValue().catalogAdmin()).isTrue();
    }

    @Test
    void aReviewerReachesTheDomainAsAReviewerOfTheirDepartmentWithTheirComment() throws Exception {
        assertThat(status(post(ENTRY + "/return", COMMENT), SliceCallers.withRoles("reviewer"))).isEqualTo(200);
        assertThat(status(post(ENTRY + "/publish"), SliceCallers.withRoles("reviewer"))).isEqualTo(200);
        Editor reviewer = new Editor("user-reviewer", false, false, SliceCallers.DEPT, true, false);
        verify(service).returnToDraft(reviewer, CODE, "材料目录缺少申请书样表", null);
        verify(service).publish(reviewer, CODE, null);
        assertThat(status(post(ENTRY + "/return", "{\"comment\":\" \"}"), SliceCallers.withRoles("reviewer")))
                .as("a return says why").isEqualTo(400);
    }

    @Test
    void theRevisionOfIfMatchReachesTheDomainAndComesBackAsETag() throws Exception {
        MvcResult result = mvc.perform(put(ENTRY + "/draft", DRAFT).header("If-Match", "\"3\"")
                .with(SliceCallers.withRoles("dept-admin"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        verify(service).saveDraft(any(), eq(CODE), any(), eq(3L));
        assertThat(result.getResponse().getHeader("ETag")).isEqualTo("\"4\"");
        assertThat(status(put(ENTRY + "/draft", DRAFT).header("If-Match", "\"" + "9".repeat(40) + "\""),
                SliceCallers.withRoles("dept-admin"))).as("longer than any entity tag").isEqualTo(400);
    }

    @Test
    void staffListTheirOwnDepartmentCatalogAdminsAndAuditorsAny() throws Exception {
        assertThat(status(get("/api/v1/catalog/entries"), SliceCallers.withRoles("window-officer"))).isEqualTo(200);
        verify(reads).list(eq(SliceCallers.DEPT), isNull(), eq(PageRequest.of(0, 20)));
        assertThat(status(get("/api/v1/catalog/entries?department=GAJ&status=PUBLISHED&page=2&size=5"),
                SliceCallers.withRoles("auditor"))).isEqualTo(200);
        verify(reads).list("GAJ", EntryStatus.PUBLISHED, PageRequest.of(2, 5));

        assertThat(status(get("/api/v1/catalog/entries?department=GAJ"), SliceCallers.withRoles("window-officer")))
                .isEqualTo(403);
        verify(reads, never()).list(eq("GAJ"), isNull(), any(PageRequest.class));
    }

    @Test
    void aVersionIsReadAsTheCallerSeesIt() throws Exception {
        assertThat(status(get(ENTRY + "/versions/1"), null)).isEqualTo(200);
        verify(reads).version(CODE, 1, Viewer.ANONYMOUS);
        assertThat(status(get(ENTRY + "/versions/1"), SliceCallers.withRoles("window-officer"))).isEqualTo(200);
        verify(reads).version(CODE, 1, new Viewer(false, SliceCallers.DEPT));
        assertThat(status(get(ENTRY + "/versions/1"), SliceCallers.withRoles("auditor"))).isEqualTo(200);
        verify(reads).version(CODE, 1, new Viewer(true, SliceCallers.DEPT));
    }

    @Test
    void theOpenDraftIsForTheStaffOfItsDepartmentAndCatalogAdmins() throws Exception {
        given(reads.entry(eq(CODE), any())).willReturn(Optional.of(draft));
        MvcResult own = mvc.perform(get(ENTRY + "/draft").with(SliceCallers.withRoles("window-officer")))
                .andReturn();
        assertThat(own.getResponse().getStatus()).isEqualTo(200);
        assertThat(own.getResponse().getHeader("ETag")).isEqualTo("\"4\"");
        assertThat(status(get(ENTRY + "/draft"), SliceCallers.withRoles("catalog-admin"))).isEqualTo(200);

        assertThat(status(get(ENTRY + "/draft"), staffOf("GAJ", "window-officer"))).isEqualTo(404);
        assertThat(status(get(ENTRY + "/draft"), SliceCallers.withRoles("citizen"))).isEqualTo(404);
        assertThat(status(get(ENTRY + "/draft"), null)).isEqualTo(401);
    }

    private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor caller) throws Exception {
        return mvc.perform(caller == null ? request : request.with(caller)).andReturn().getResponse().getStatus();
    }

    /** A staff caller of another department than the slice callers'. */
    private static RequestPostProcessor staffOf(String department, String role) {
        return SecurityMockMvcRequestPostProcessors.jwt().jwt(jwt -> jwt.subject("other").claim("preferred_username",
                        "other").claim("realm_access", Map.of("roles", List.of(role))).claim("dept", department))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
