package dev.onewindow.catalog.entry;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Public search over the current published versions (docs/domain.md, section "service-catalog"), by keyword and
 * filters, paged in code order.
 *
 * <p>The keyword is matched through the {@code listing.grams} multikey index ({@link SearchText}): all of the query's
 * bigrams must be present, and for queries longer than two characters the database then checks the substring on
 * the candidates the index produced ({@code listing.text}). The regular expression therefore never scans the
 * collection; it only confirms index hits. Every other filter has its own index on {@code listing.*}.
 */
@Service
public class EntrySearch {

    private final MongoTemplate mongo;

    EntrySearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One page ({@code page}, bounded) of the current published versions that match, in code order. */
    public Page<EntryView> search(SearchQuery search, PageRequest page) {
        Criteria criteria = where("listing.live").is(true);
        if (search.region() != null) {
            criteria = criteria.and("listing.region").is(search.region());
        }
        if (search.departmentCode() != null) {
            criteria = criteria.and("listing.departmentCode").is(search.departmentCode());
        }
        if (search.topic() != null) {
            criteria = criteria.and("listing.topics").is(search.topic());
        }
        if (search.itemType() != null) {
            criteria = criteria.and("listing.itemType").is(search.itemType());
        }
        if (search.onlineDepth() != null) {
            criteria = criteria.and("listing.onlineDepth").is(search.onlineDepth());
        }
        String keyword = SearchText.normalize(search.keyword());
        int length = SearchText.length(keyword);
        if (length == 1) {
            // letters and digits need no escaping: normalisation removed everything else
            criteria = criteria.and("listing.grams").regex("^" + keyword);
        } else if (length >= 2) {
            criteria = criteria.and("listing.grams").all(SearchText.queryGrams(keyword));
            if (length > 2) {
                criteria = criteria.and("listing.text").regex(keyword);
            }
        }
        Query query = Query.query(criteria);
        PageRequest pageable = page.withSort(Sort.by("implementationCode"));
        Query paged = Query.of(query).with(pageable);
        paged.fields().include("basicCode", "itemType", "departmentCode", "region", "status")
                .elemMatch("versions", where("status").is(VersionStatus.PUBLISHED));
        List<EntryView> content = mongo.find(paged, EntryView.class, CatalogEntry.COLLECTION);
        // a first page that is not full already tells the total: spare the count
        long total = pageable.getPageNumber() == 0 && content.size() < pageable.getPageSize() ? content.size()
                : mongo.count(query, CatalogEntry.COLLECTION);
        return new PageImpl<>(content, pageable, total);
    }
}
