package dev.onewindow.elicense.licensetype.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.onewindow.elicense.licensetype.FieldSpec;
import dev.onewindow.elicense.licensetype.FieldType;
import dev.onewindow.elicense.licensetype.LicenseType;
import dev.onewindow.elicense.licensetype.LicenseTypes;
import dev.onewindow.platform.testkit.web.RoleMatrix;
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

/** The licence catalogue and its face check are public. */
@WebMvcTest(LicenseTypeController.class)
class LicenseTypeControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LicenseTypes types;

    @BeforeEach
    void aCatalogue() {
        LicenseType type = new LicenseType("SPJYXKZ", "食品经营许可证", List.of("SCJGJ", "YQSCJGJ"), List.of(
                new FieldSpec("operatorName", "经营者名称", FieldType.STRING, true, false, List.of())), "P5Y");
        given(types.all()).willReturn(List.of(type));
        given(types.find("SPJYXKZ")).willReturn(Optional.of(type));
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> get("/api/v1/licenses/types")).isPublic().answers(200)
                .endpoint(() -> get("/api/v1/licenses/types/SPJYXKZ")).isPublic().answers(200)
                .endpoint(() -> post("/api/v1/licenses/types/SPJYXKZ/check",
                        "{\"fields\":{\"operatorName\":\"示范\",\"shopSign\":\"老张小吃\"}}")).isPublic().answers(200)
                .tests();
    }

    @Test
    void theDocumentedLimitsAreEnforcedBeforeTheCatalogueIsAsked() throws Exception {
        assertThat(mvc.perform(get("/api/v1/licenses/types/spjyxkz")).andReturn().getResponse().getStatus())
                .isEqualTo(400);
        assertThat(mvc.perform(post("/api/v1/licenses/types/" + "A".repeat(21) + "/check", "{\"fields\":{}}"))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        verifyNoInteractions(types);
    }
}
