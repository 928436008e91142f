package dev.onewindow.catalog.item.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.catalog.item.ServiceItem;
import dev.onewindow.catalog.item.ServiceItemRepository;
import dev.onewindow.platform.testkit.web.RoleMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.onewindow.platform.testkit.web.RoleMatrix.get;
import static dev.onewindow.platform.testkit.web.RoleMatrix.post;
import static dev.onewindow.platform.testkit.web.RoleMatrix.put;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/** The service item endpoints' role rules over the controller slice: reads are public, catalog admins write. */
@WebMvcTest(ServiceItemController.class)
class ServiceItemControllerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ServiceItemRepository items;

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @BeforeEach
    void items() {
        ServiceItem item = ServiceItem.define(BasicCode.of("XK00105000"), "食品经营许可", "《中华人民共和国食品安全法》",
                List.of(ApplicantType.LEGAL_PERSON), List.of(), List.of("开办企业"), "catalogadmin1", NOW);
        given(items.findAll(any(Pageable.class))).willReturn(new PageImpl<>(List.of(item), PageRequest.of(0, 20), 1));
        given(items.findById("XK00105000")).willReturn(Optional.of(item));
        given(items.insert(any(ServiceItem.class))).willAnswer(call -> call.getArgument(0));
        given(items.save(any(ServiceItem.class))).willAnswer(call -> call.getArgument(0));
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> get("/api/v1/catalog/service-items")).isPublic().answers(200)
                .endpoint(() -> get("/api/v1/catalog/service-items/XK00105000")).isPublic().answers(200)
                .endpoint(() -> post("/api/v1/catalog/service-items", """
                        {"basicCode":"JF00201000","name":"失业保险金申领","applicantTypes":["NATURAL_PERSON"]}"""))
                .allows("catalog-admin").answers(201)
                .endpoint(() -> put("/api/v1/catalog/service-items/XK00105000", """
                        {"name":"食品经营许可（新）","applicantTypes":["LEGAL_PERSON"]}""")).allows("catalog-admin")
                .answers(200)
                .tests();
    }
}
