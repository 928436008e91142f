package dev.onewindow.catalog.entry.web;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.onewindow.catalog.entry.CatalogEntry;
import dev.onewindow.catalog.entry.Contents;
import dev.onewindow.catalog.entry.Editor;
import dev.onewindow.catalog.entry.EntrySearch;
import dev.onewindow.catalog.entry.EntryStatus;
import dev.onewindow.catalog.entry.EntryView;
import dev.onewindow.catalog.entry.SearchQuery;
import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.catalog.item.ItemType;
import dev.onewindow.platform.testkit.web.RoleMatrix;
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

import static dev.onewindow.platform.testkit.web.RoleMatrix.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

/** Public search over the controller slice: anyone may search, and every criterion reaches the search. */
@WebMvcTest(SearchController.class)
class SearchControllerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EntrySearch search;

    @BeforeEach
    void oneHit() {
        Editor admin = Editor.system();
        CatalogEntry entry = CatalogEntry.draft(BasicCode.of("XK00105000"), "SCJGJ", "341300", Contents.full(),
                admin, NOW);
        entry.publish(admin, true, NOW);
        EntryView hit = new EntryView(entry.implementationCode(), "XK00105000", ItemType.XK, "SCJGJ", "341300",
                EntryStatus.PUBLISHED, List.of(entry.published().orElseThrow()));
        given(search.search(any(), any(PageRequest.class)))
                .willReturn(new PageImpl<>(List.of(hit), PageRequest.of(0, 20), 1));
    }

    @TestFactory
    Stream<DynamicTest> roles() {
        return RoleMatrix.using(mvc)
                .endpoint(() -> get("/api/v1/catalog/items?q=营业执照")).isPublic().answers(200)
                .tests();
    }

    @Test
    void everyCriterionReachesTheSearch() throws Exception {
        // MockMvc encodes the URI template: the text is written as the caller means it
        assertThat(mvc.perform(get("/api/v1/catalog/items?q=营业执照&department=SCJGJ&region=341300"
                + "&topic=开办企业&itemType=XK&onlineDepth=4&page=2&size=10")).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        verify(search).search(new SearchQuery("营业执照", "SCJGJ", "341300", "开办企业", ItemType.XK, 4),
                PageRequest.of(2, 10));
    }
}
