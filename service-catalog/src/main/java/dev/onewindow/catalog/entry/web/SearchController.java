package dev.onewindow.catalog.entry.web;

import dev.onewindow.catalog.entry.Codes;
import dev.onewindow.catalog.entry.EntrySearch;
import dev.onewindow.catalog.entry.SearchQuery;
import dev.onewindow.catalog.item.ItemType;
import dev.onewindow.catalog.web.PageResponse;
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
class SearchController {

    private final EntrySearch search;

    SearchController(EntrySearch search) {
        this.search = search;
    }

    @GetMapping
    PageResponse<EntryResponse> search(@RequestParam(required = false) @Size(max = 50) String q,
            @RequestParam(required = false) @Pattern(regexp = Codes.DEPARTMENT) String department,
            @RequestParam(required = false) @Pattern(regexp = Codes.REGION) String region,
            @RequestParam(required = false) @Size(max = 20) String topic,
            @RequestParam(required = false) ItemType itemType,
            @RequestParam(required = false) @Min(1) @Max(4) Integer onlineDepth,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(search.search(new SearchQuery(q, department, region, topic, itemType, onlineDepth),
                page, size), EntryResponse::of);
    }
}
