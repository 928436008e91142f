package dev.onewindow.hotline.category;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configurable category tree, read once at start from {@code onewindow.hotline.categories} (a JSON array of
 * {@code {code, name, keywords?, children?}}). A city changes its tree by changing that file; codes already on orders
 * should stay, since orders keep the code they were filed under.
 */
@Component
public class CategoryTree {

    private static final String CODE = "[A-Z][A-Z0-9-]{1,31}";

    private final Map<String, Category> byCode;

    @Autowired
    CategoryTree(HotlineProperties properties, ResourceLoader resources, JsonMapper json) throws IOException {
        try (InputStream in = resources.getResource(properties.categories()).getInputStream()) {
            Map<String, Category> read = new LinkedHashMap<>();
            for (JsonNode node : json.readTree(in)) {
                add(node, List.of(), read);
            }
            if (read.isEmpty()) {
                throw new IllegalStateException(properties.categories() + " holds no category");
            }
            this.byCode = Collections.unmodifiableMap(read);
        }
    }

    /** A tree of the given categories, for tests of rules that need one. */
    public static CategoryTree of(List<Category> categories) {
        return new CategoryTree(categories);
    }

    private CategoryTree(List<Category> categories) {
        Map<String, Category> read = new LinkedHashMap<>();
        categories.forEach(c -> read.put(c.code(), c));
        this.byCode = Collections.unmodifiableMap(read);
    }

    private static void add(JsonNode node, List<String> parents, Map<String, Category> into) {
        String code = node.path("code").asString();
        if (!code.matches(CODE) || into.containsKey(code)) {
            throw new IllegalStateException("category code '" + code + "' is not " + CODE + " or is not unique");
        }
        List<String> path = new ArrayList<>(parents);
        path.add(code);
        JsonNode children = node.path("children");
        List<String> keywords = new ArrayList<>();
        node.path("keywords").forEach(k -> keywords.add(k.asString()));
        into.put(code, new Category(code, node.path("name").asString(), path, keywords, children.isEmpty()));
        for (JsonNode child : children) {
            add(child, path, into);
        }
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The category of {@code code}, or 400 UNKNOWN_CATEGORY. */
    public Category require(String code) {
        return find(code).orElseThrow(() -> DomainException.invalid("UNKNOWN_CATEGORY",
                "category " + code + " is not in the category tree").with("field", "categoryCode"));
    }

    /** Every category, parents before their children. */
    public List<Category> all() {
        return List.copyOf(byCode.values());
    }

    public List<Category> leaves() {
        return byCode.values().stream().filter(Category::leaf).toList();
    }
}
