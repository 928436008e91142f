package dev.onewindow.hotline.category;

import java.util.List;

/**
 * A node of the category tree (事项分类), e.g. 环境保护 › 噪声污染 › 夜间施工噪声. Orders are filed under a leaf or any
 * node; dispatch rules match a category and everything below it, hot spots count each category on its own.
 *
 * @param code     stable code, e.g. {@code ENV-NOISE-NIGHT}
 * @param name     Chinese name
 * @param path     codes from the root to this node, this one last
 * @param keywords search words (Open311 {@code keywords})
 * @param leaf     whether the node has no children (an Open311 service)
 */
public record Category(String code, String name, List<String> path, List<String> keywords, boolean leaf) {

    public Category {
        path = List.copyOf(path);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** The top-level category this one belongs to (its Open311 {@code group}). */
    public String root() {
        return path.get(0);
    }

    /** Whether this category is {@code ancestor} or lies below it. */
    public boolean within(String ancestor) {
        return path.contains(ancestor);
    }
}
