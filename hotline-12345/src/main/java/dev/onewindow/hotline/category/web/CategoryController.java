package dev.onewindow.hotline.category.web;

import java.util.List;

import dev.onewindow.hotline.category.Category;
import dev.onewindow.hotline.category.CategoryTree;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The category tree, public: an app shows it to a citizen filing a report. */
@RestController
@RequestMapping("/api/v1/hotline/categories")
@Tag(name = "Categories", description = "The category tree (事项分类) work orders are filed under, dispatched by and "
        + "counted in for hot spots.")
class CategoryController {

    private final CategoryTree tree;

    CategoryController(CategoryTree tree) {
        this.tree = tree;
    }

    @Operation(summary = "List the category tree", description = "Every category, parents before their children; "
            + "`path` names the codes from the root.")
    @ApiResponse(responseCode = "200", description = "The categories", content = @Content(
            array = @ArraySchema(maxItems = 1000, schema = @Schema(implementation = CategoryResponse.class))))
    @GetMapping
    List<CategoryResponse> all() {
        return tree.all().stream().map(CategoryResponse::of).toList();
    }

    record CategoryResponse(
            @Schema(maxLength = 32, pattern = "^[A-Z][A-Z0-9-]{1,31}$") String code,
            @Schema(maxLength = 64) String name,
            @ArraySchema(maxItems = 8, schema = @Schema(maxLength = 32)) List<String> path,
            @ArraySchema(maxItems = 20, schema = @Schema(maxLength = 32)) List<String> keywords,
            boolean leaf) {

        static CategoryResponse of(Category c) {
            return new CategoryResponse(c.code(), c.name(), c.path(), c.keywords(), c.leaf());
        }
    }
}
