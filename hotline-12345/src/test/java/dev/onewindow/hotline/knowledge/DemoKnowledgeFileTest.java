package dev.onewindow.hotline.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's knowledge base ({@code demo/knowledge.json}) loads as {@link KnowledgeBase#loadIfAbsent} reads
 * it: unique ids, categories of the seeded tree, the demo departments, a validity that makes sense — and one entry
 * already expired, so the demo shows that an expired answer is no longer offered.
 */
class DemoKnowledgeFileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> DEPARTMENTS = Set.of("RSJ", "GAJ", "SCJGJ", "WSJKW", "ZRZYJ", "SJZYJ",
            "YQSCJGJ", "YQQZF");

    @Test
    void holdsThirtyOrMoreValidEntriesOfTheTreeAndTheDemoDepartmentsAndOneExpired() throws IOException {
        JsonNode entries = read("demo/knowledge.json");
        Set<String> categories = new HashSet<>();
        collect(read("seed/categories.json"), categories);
        Set<String> ids = new HashSet<>();
        LocalDate first2026 = LocalDate.parse("2026-01-01");
        int current = 0;
        int expired = 0;
        for (JsonNode entry : entries.values()) {
            String id = entry.get("id").asString();
            assertThat(id).matches(dev.onewindow.hotline.Limits.KNOWLEDGE_ID);
            assertThat(ids.add(id)).as("unique " + id).isTrue();
            assertThat(entry.get("question").asString()).as(id).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(entry.get("answer").asString()).as(id).isNotBlank().hasSizeLessThanOrEqualTo(4000)
                    .doesNotContainPattern("(?<![0-9])[0-9]{7,}(?![0-9])");
            assertThat(categories).as(id).contains(entry.get("categoryCode").asString());
            assertThat(DEPARTMENTS).as(id).contains(entry.get("department").asString());
            LocalDate from = LocalDate.parse(entry.get("validFrom").asString());
            LocalDate to = LocalDate.parse(entry.get("validTo").asString());
            assertThat(to).as(id).isAfterOrEqualTo(from);
            if (to.isBefore(first2026)) {
                expired++;
            } else {
                current++;
            }
        }
        assertThat(current).isGreaterThanOrEqualTo(30);
        assertThat(expired).isEqualTo(1);
        assertThat(entries.values()).extracting(e -> e.get("department").asString()).containsAll(DEPARTMENTS);
    }

    private static void collect(JsonNode nodes, Set<String> into) {
        for (JsonNode node : nodes.values()) {
            into.add(node.get("code").asString());
            collect(node.path("children"), into);
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = DemoKnowledgeFileTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
