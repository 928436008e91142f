package dev.onewindow.catalog.bundle.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.onewindow.catalog.bundle.Bundle;
import dev.onewindow.catalog.bundle.BundleRepository;
import dev.onewindow.catalog.bundle.BundleService;
import dev.onewindow.catalog.bundle.BundleStatus;
import dev.onewindow.catalog.bundle.MemberSnapshot;
import dev.onewindow.catalog.entry.Editor;
import dev.onewindow.catalog.entry.Material;
import dev.onewindow.platform.testkit.web.RoleMatrix;
import dev.onewindow.platform.testkit.web.SliceCallers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.onewindow.platform.testkit.web.RoleMatrix.get;
import static dev.onewindow.platform.testkit.web.RoleMatrix.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

/** The bundle endpoints' role rules over the controller slice, and who sees a draft bundle. */
@WebMvcTest(BundleController.class)
class BundleControllerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final String BIRTH_CERT = "GG00901000341300WSJKW";
    private static final String HUKOU = "QR00701000341300GAJ";
    private static final String BODY = """
            {"code":"CSYJS","name":"出生一件事","description":"一次申请，并联办理","leadDepartment":"WSJKW",
             "members":["GG00901000341300WSJKW","QR00701000341300GAJ"]}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    BundleService service;
    @MockitoBean
    BundleRepository bundles;

    @BeforeEach
    void bundles() {
        Bundle published = bundle("CSYJS");
        Material birth = new Material("M01", "出生医学证明", true, null, 0, 1, null, List.of("CSYXZM"));
        published.publish(Map.of(
                BIRTH_CERT, new MemberSnapshot(BIRTH_CERT, 1, "WSJKW", "出生医学证明签发", List.of(birth)),
                HUKOU, new MemberSnapshot(HUKOU, 2, "GAJ", "出生登记", List.of(birth))), Editor.system(), true, NOW);
        given(bundles.findByStatus(eq(BundleStatus.PUBLISHED), any()))
                .willReturn(new PageImpl<>(List.of(published), PageRequest.of(0, 20), 1));
        given(bundles.findById("CSYJS")).willReturn(Optional.of(published));
        given(bundles.findById("DRAFT1")).willReturn(Optional.of(bundle("DRAFT1")));
        given(service.create(anyString(), anyString(), any(), anyString(), anyList(), anyString()))
                .willReturn(bundle("CSYJS"));
        given(service.submit(any(), eq("CSYJS"), any())).willReturn(bundle("CSYJS"));
        given(service.returnToDraft(any(), eq("CSYJS"), anyString(), any())).willReturn(bundle("CSYJS"));
        given(service.publish(any(), eq("CSYJS"), any())).willReturn(published);
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> get("/api/v1/catalog/bundles")).isPublic().answers(200)
                .endpoint(() -> get("/api/v1/catalog/bundles/CSYJS")).isPublic().answers(200)
                .endpoint(() -> post("/api/v1/catalog/bundles", BODY)).allows("catalog-admin").answers(201)
                .endpoint(() -> post("/api/v1/catalog/bundles/CSYJS/submit")).allows("catalog-admin").answers(200)
                .endpoint(() -> post("/api/v1/catalog/bundles/CSYJS/return", "{\"comment\":\"成员不全\"}"))
                .allows("catalog-admin").answers(200)
                .endpoint(() -> post("/api/v1/catalog/bundles/CSYJS/publish")).allows("catalog-admin").answers(200)
                .tests();
    }

    @Test
    void aDraftBundleIsSeenByCatalogAdminsOnly() throws Exception {
        assertThat(status(get("/api/v1/catalog/bundles/DRAFT1"), SliceCallers.withRoles("catalog-admin")))
                .isEqualTo(200);
        assertThat(status(get("/api/v1/catalog/bundles/DRAFT1"), SliceCallers.withRoles("dept-admin")))
                .isEqualTo(404);
        assertThat(status(get("/api/v1/catalog/bundles/DRAFT1"), null)).isEqualTo(404);
    }

    @Test
    void theCreatorAndTheRevisionReachTheService() throws Exception {
        assertThat(status(post("/api/v1/catalog/bundles", BODY), SliceCallers.withRoles("catalog-admin")))
                .isEqualTo(201);
        verify(service).create("CSYJS", "出生一件事", "一次申请，并联办理", "WSJKW", List.of(BIRTH_CERT, HUKOU),
                "user-catalog-admin");
        assertThat(status(post("/api/v1/catalog/bundles/CSYJS/publish"), SliceCallers.withRoles("catalog-admin")))
                .isEqualTo(200);
        Editor admin = new Editor("user-catalog-admin", true, false, SliceCallers.DEPT);
        verify(service).publish(eq(admin), eq("CSYJS"), isNull());
        assertThat(status(post("/api/v1/catalog/bundles/CSYJS/publish").header("If-Match", "W/\"7\""),
                SliceCallers.withRoles("catalog-admin"))).isEqualTo(200);
        verify(service).publish(admin, "CSYJS", 7L);
    }

    private int status(MockHttpServletRequestBuilder request, RequestPostProcessor caller) throws Exception {
        return mvc.perform(caller == null ? request : request.with(caller)).andReturn().getResponse().getStatus();
    }

    private static Bundle bundle(String code) {
        return Bundle.draft(code, "出生一件事", "一次申请，并联办理", "WSJKW", "341300", List.of(BIRTH_CERT, HUKOU),
                "catalogadmin1", NOW);
    }
}
