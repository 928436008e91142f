package dev.onewindow.catalog.entry.web;

import dev.onewindow.catalog.entry.EntrySearch;
import dev.onewindow.catalog.entry.SearchQuery;
import dev.onewindow.catalog.item.ItemType;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.catalog.web.ApiBounds;
import dev.onewindow.catalog.web.PageResponse;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public search of what can be applied for: current published entries by keyword (Chinese substring, e.g.
 * {@code 营业执照} inside a longer sentence), department, region, topic (life event / enterprise life cycle), item
 * type and online depth. Anonymous; paged in implementation-code order.
 */
@RestController
@RequestMapping("/api/v1/catalog/items")
@Tag(name = "Search", description = "Public search of what can be applied for: the current published version of "
        + "every listed entry.")
class SearchController {

    private final EntrySearch search;

    SearchController(EntrySearch search) {
        this.search = search;
    }

    @Operation(summary = "Search the published entries",
            description = "Every criterion is optional; results are whole current versions in implementation-code "
                    + "order. `q` is found as a substring of the name, the description or a material's name, with "
                    + "full and half width, case, spaces and punctuation ignored (营业执照 inside a longer sentence).")
    @GetMapping
    PageResponse<EntryResponse> search(
            @RequestParam(required = false) @Parameter(description = "Keyword") @Size(max = Limits.KEYWORD) String q,
            @RequestParam(required = false) @Parameter(description = "Implementing department")
            @Size(max = Codes.DEPARTMENT_MAX) @Pattern(regexp = Codes.DEPARTMENT) String department,
            @RequestParam(required = false) @Parameter(description = "Region of the entry")
            @Size(max = Codes.REGION_LENGTH) @Pattern(regexp = Codes.REGION) String region,
            @RequestParam(required = false) @Parameter(description = "A life event or enterprise life-cycle topic")
            @Size(max = Limits.TOPIC) String topic,
            @RequestParam(required = false) ItemType itemType,
            @RequestParam(required = false) @Parameter(description = "1 (information online) to 4 (全程网办)")
            @Min(Limits.ONLINE_DEPTH_MIN) @Max(Limits.ONLINE_DEPTH_MAX) Integer onlineDepth,
            @RequestParam(defaultValue = "0") @Min(0) @Max(ApiBounds.PAGE_MAX) int page,
            @RequestParam(defaultValue = ApiBounds.PAGE_SIZE_DEFAULT) @Min(1) @Max(ApiBounds.PAGE_SIZE_MAX) int size) {
        return PageResponse.of(search.search(new SearchQuery(q, department, region, topic, itemType, onlineDepth),
                Paging.of(page, size, ApiBounds.PAGE_SIZE_MAX)), EntryResponse::of);
    }
}
