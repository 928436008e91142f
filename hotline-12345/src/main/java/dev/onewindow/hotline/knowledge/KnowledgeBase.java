package dev.onewindow.hotline.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.onewindow.hotline.category.CategoryTree;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The knowledge base: search (Chinese substring of question or answer, only entries valid today), read, and upkeep
 * by the departments that own the entries. Usage is counted in its own collection by an atomic {@code $inc}.
 */
@Service
public class KnowledgeBase {

    private final MongoTemplate mongo;
    private final CategoryTree categories;
    private final Clock clock;

    KnowledgeBase(MongoTemplate mongo, CategoryTree categories, Clock clock) {
        this.mongo = mongo;
        this.categories = categories;
        this.clock = clock;
    }

    /** An entry with how often it was used for a direct answer. */
    public record Found(KnowledgeEntry entry, long usage) {
    }

    /**
     * Entries valid today whose question or answer contains {@code text} (any, when blank), optionally of a category
     * or below it, most used first within the page read in question order.
     */
    public Page<Found> search(String text, String category, PageRequest page) {
        LocalDate today = today();
        List<Criteria> all = new ArrayList<>();
        all.add(new Criteria().orOperator(Criteria.where("validFrom").is(null), Criteria.where("validFrom").lte(today)));
        all.add(new Criteria().orOperator(Criteria.where("validTo").is(null), Criteria.where("validTo").gte(today)));
        if (text != null && !text.isBlank()) {
            String quoted = Pattern.quote(text.strip());
            all.add(new Criteria().orOperator(Criteria.where("question").regex(quoted),
                    Criteria.where("answer").regex(quoted)));
        }
        if (category != null) {
            List<String> within = categories.all().stream().filter(c -> c.within(category)).map(c -> c.code())
                    .toList();
            all.add(Criteria.where("categoryCode").in(within));
        }
        Query query = Query.query(new Criteria().andOperator(all)).with(Sort.by("question", "_id"));
        Query counting = Query.of(query);
        List<KnowledgeEntry> entries = mongo.find(query.with(page), KnowledgeEntry.class);
        Map<String, Long> usage = usageOf(entries.stream().map(KnowledgeEntry::id).toList());
        List<Found> found = entries.stream().map(e -> new Found(e, usage.getOrDefault(e.id(), 0L))).toList();
        return PageableExecutionUtils.getPage(found, page, () -> mongo.count(counting, KnowledgeEntry.class));
    }

    public Found get(String id) {
        KnowledgeEntry entry = mongo.findById(id, KnowledgeEntry.class);
        if (entry == null) {
            throw DomainException.notFound("knowledge entry", id);
        }
        return new Found(entry, usageOf(List.of(id)).getOrDefault(id, 0L));
    }

    /** A new entry of the caller's department. */
    public Found create(KnowledgeEntry.Content content, Caller caller) {
        requireMaintainer(caller);
        categories.require(content.categoryCode());
        KnowledgeEntry entry = KnowledgeEntry.create("KB-" + UUID.randomUUID(), caller.dept(), content,
                caller.username(), clock.instant());
        return new Found(mongo.insert(entry), 0);
    }

    /** A change by the owning department; {@code version} is the one the editor read (409 if someone saved since). */
    public Found update(String id, long version, KnowledgeEntry.Content content, Caller caller) {
        requireMaintainer(caller);
        categories.require(content.categoryCode());
        KnowledgeEntry entry = mongo.findById(id, KnowledgeEntry.class);
        if (entry == null || !caller.inDepartment(entry.department())) {
            throw DomainException.notFound("knowledge entry", id);
        }
        if (entry.version() == null || entry.version() != version) {
            throw new OptimisticLockingFailureException("knowledge entry " + id + " was changed by someone else");
        }
        entry.change(content, caller.username(), clock.instant());
        return new Found(mongo.save(entry), usageOf(List.of(id)).getOrDefault(id, 0L));
    }

    /** The entry an agent answers from: it must be valid today. Counts the use. */
    public KnowledgeEntry use(String id) {
        KnowledgeEntry entry = mongo.findById(id, KnowledgeEntry.class);
        if (entry == null) {
            throw DomainException.invalid("UNKNOWN_KNOWLEDGE_ENTRY", "knowledge entry " + id + " does not exist")
                    .with("field", "knowledgeEntryId");
        }
        if (!entry.validOn(today())) {
            throw DomainException.conflict("KNOWLEDGE_ENTRY_NOT_VALID", "knowledge entry " + id
                    + " is not valid today (" + entry.validFrom() + " – " + entry.validTo() + ")");
        }
        mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().inc("count", 1L),
                FindAndModifyOptions.options().upsert(true), Usage.class);
        return entry;
    }

    /** Loads entries from a JSON array (demo data): inserted when absent, left alone when present. */
    public int loadIfAbsent(InputStream json, JsonMapper mapper) throws IOException {
        int added = 0;
        for (JsonNode node : mapper.readTree(json)) {
            String id = node.path("id").asString();
            if (mongo.findById(id, KnowledgeEntry.class) != null) {
                continue;
            }
            KnowledgeEntry.Content content = new KnowledgeEntry.Content(node.path("question").asString(),
                    node.path("answer").asString(), categories.require(node.path("categoryCode").asString()).code(),
                    date(node, "validFrom"), date(node, "validTo"));
            mongo.insert(KnowledgeEntry.create(id, node.path("department").asString(), content, "demo",
                    clock.instant()));
            added++;
        }
        return added;
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.hasNonNull(field) ? LocalDate.parse(node.get(field).asString()) : null;
    }

    private Map<String, Long> usageOf(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Usage.class).stream()
                .collect(Collectors.toMap(Usage::id, Usage::count, (a, b) -> a, java.util.HashMap::new));
    }

    private LocalDate today() {
        return Instant.now(clock).atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    private static void requireMaintainer(Caller caller) {
        if (!caller.hasAnyRole(Roles.DEPT_HANDLER, Roles.DEPT_ADMIN) || caller.dept() == null) {
            throw DomainException.notAllowed("knowledge entries are maintained by the staff of their department");
        }
    }

    @Document("knowledge_usage")
    record Usage(@Id String id, long count) {
    }

}
