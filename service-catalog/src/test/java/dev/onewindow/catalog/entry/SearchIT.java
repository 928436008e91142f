package dev.onewindow.catalog.entry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.onewindow.catalog.Fixtures;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN;
import static dev.onewindow.catalog.Fixtures.assertProblem;
import static dev.onewindow.catalog.Fixtures.draft;
import static dev.onewindow.catalog.Fixtures.item;
import static dev.onewindow.catalog.Fixtures.material;
import static dev.onewindow.catalog.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public search: anonymous, Chinese substring keywords, filters, paging — over current published entries only.
 * Each test tags its entries with a topic no other entry has, so it sees exactly its own entries.
 */
@IntegrationTest
class SearchIT {

    @LocalServerPort
    int port;

    private String topic;
    private String licensed;
    private String licenseAsMaterial;
    private String bigramsApart;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @BeforeEach
    void entries() {
        Fixtures.departments(api());
        topic = "主题" + Fixtures.uniqueWord(4);
        // 营业执照 inside a longer sentence of the description
        licensed = Fixtures.published(api(), tagged(with(draft(item(api(), "XK", "食品经营许可", List.of()), "SCJGJ",
                "食品经营许可"), "description", "在宿州市从事食品销售的，申请人应当先行取得营业执照等合法主体资格后再申请许可。")));
        // 营业执照 only in a material's name, in another department, another item type, partly online
        Map<String, Object> second = with(with(with(draft(item(api(), "QR", "不动产转移登记", List.of()), "GAJ",
                "不动产转移登记"), "description", "因买卖导致不动产权利转移的，当事人共同申请。"), "materials",
                List.of(material("M01", "买受人为企业时加盖公章的营业执照复印件", true, List.of("YYZZ")))), "onlineDepth", 3);
        licenseAsMaterial = Fixtures.published(api(), tagged(with(second, "visits", 1)));
        // every bigram of 营业执照 occurs, but never in a row: a candidate the substring check must drop
        bigramsApart = Fixtures.published(api(), tagged(with(with(draft(item(api(), "XK", "营业时间登记", List.of()),
                "SCJGJ", "营业时间登记"), "description", "营业时间以业执行标准为准，执照号另行公示。"), "materials",
                List.of(material("M01", "申请书", true, List.of())))));
        // not public, so never found: a draft, and a suspended entry
        api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN).json(tagged(draft(item(api(), "XK", "草稿许可",
                List.of()), "SCJGJ", "草稿许可"))).send();
        String suspended = Fixtures.published(api(), tagged(draft(item(api(), "XK", "暂停许可", List.of()), "SCJGJ",
                "暂停许可")));
        api().post("/api/v1/catalog/entries/" + suspended + "/suspend").token(CATALOG_ADMIN)
                .json(Map.of("reason", "暂停")).send();
    }

    private Map<String, Object> tagged(Map<String, Object> draft) {
        return with(draft, "topics", List.of(topic));
    }

    @Test
    void aChineseKeywordIsFoundInsideLongerSentencesAnonymously() {
        JsonNode page = search("q=" + enc("营业执照") + "&topic=" + enc(topic));
        assertThat(codes(page)).containsExactly(sorted(licensed, licenseAsMaterial));
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        // results are whole published entries (EntryResponse)
        JsonNode first = page.get("content").get(0);
        assertThat(first.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(first.get("materials").isArray()).isTrue();
    }

    @Test
    void keywordsAreNormalisedLikeTheText() {
        assertThat(codes(search("q=" + enc(" 营业 执照，") + "&topic=" + enc(topic))))
                .containsExactly(sorted(licensed, licenseAsMaterial));
        assertThat(codes(search("q=" + enc("营业") + "&topic=" + enc(topic))))
                .containsExactly(sorted(licensed, licenseAsMaterial, bigramsApart));
        // a single character matches wherever it occurs, also as the last character of a field
        assertThat(codes(search("q=" + enc("照") + "&topic=" + enc(topic))))
                .containsExactly(sorted(licensed, licenseAsMaterial, bigramsApart));
        assertThat(codes(search("q=" + enc("示") + "&topic=" + enc(topic)))).containsExactly(bigramsApart);
        assertThat(codes(search("q=" + enc("不存在的词") + "&topic=" + enc(topic)))).isEmpty();
    }

    @Test
    void filtersNarrowTheKeywordResults() {
        String both = "q=" + enc("营业执照") + "&topic=" + enc(topic);
        assertThat(codes(search(both + "&department=GAJ"))).containsExactly(licenseAsMaterial);
        assertThat(codes(search(both + "&itemType=XK"))).containsExactly(licensed);
        assertThat(codes(search(both + "&onlineDepth=3"))).containsExactly(licenseAsMaterial);
        assertThat(codes(search(both + "&region=341300"))).hasSize(2);
        assertThat(codes(search(both + "&region=341302"))).isEmpty();
        assertThat(codes(search("topic=" + enc(topic) + "&department=SCJGJ")))
                .containsExactly(sorted(licensed, bigramsApart));
    }

    @Test
    void resultsArePagedInCodeOrder() {
        List<String> all = List.of(sorted(licensed, licenseAsMaterial, bigramsApart));
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode result = search("topic=" + enc(topic) + "&size=1&page=" + page);
            assertThat(result.get("totalElements").asLong()).isEqualTo(3);
            assertThat(result.get("size").asInt()).isEqualTo(1);
            seen.addAll(codes(result));
        }
        assertThat(seen).isEqualTo(all);
        assertThat(codes(search("topic=" + enc(topic) + "&size=2&page=5"))).isEmpty();
    }

    @Test
    void badParametersAre400() {
        assertProblem(api().get("/api/v1/catalog/items?q=" + enc("长".repeat(51))).send(), 400, "VALIDATION_FAILED");
        assertProblem(api().get("/api/v1/catalog/items?onlineDepth=5").send(), 400, "VALIDATION_FAILED");
        assertProblem(api().get("/api/v1/catalog/items?size=0").send(), 400, "VALIDATION_FAILED");
        assertProblem(api().get("/api/v1/catalog/items?size=101").send(), 400, "VALIDATION_FAILED");
        assertProblem(api().get("/api/v1/catalog/items?region=3413").send(), 400, "VALIDATION_FAILED");
        assertProblem(api().get("/api/v1/catalog/items?itemType=XX").send(), 400, "INVALID_PARAMETER");
    }

    private JsonNode search(String query) {
        Response response = api().get("/api/v1/catalog/items?" + query).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> codes(JsonNode page) {
        return page.get("content").values().stream().map(e -> e.get("implementationCode").asString()).toList();
    }

    private static String[] sorted(String... codes) {
        return java.util.Arrays.stream(codes).sorted().toArray(String[]::new);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
