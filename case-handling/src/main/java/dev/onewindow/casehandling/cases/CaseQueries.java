package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.onewindow.platform.calendar.ClockLevel;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * The scoped, paged reads. Scoping is part of the query (a department's worklist, an applicant's own cases), never a
 * filter applied after loading; each filter and sort here is backed by an index declared on {@link Case}.
 */
@Component
class CaseQueries {

    private final MongoTemplate mongo;

    CaseQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Index {@code mine}: applicantRefs + submittedAt. */
    Page<Case> ofApplicant(Collection<String> refs, PageRequest page) {
        Query query = Query.query(Criteria.where("applicantRefs").in(refs))
                .with(Sort.by(Sort.Direction.DESC, "submittedAt"));
        return page(query, page);
    }

    /** The states a case ends in (completed, denied, rejected, withdrawn). */
    private static final List<String> CLOSED = java.util.Arrays.stream(CaseStatus.values())
            .filter(CaseStatus::terminal).map(CaseStatus::name).toList();

    /**
     * Index {@code worklist}: departmentCode + status + dueAt (+ submittedAt). Without a state, the open cases. The
     * level filter reads the clock instants each command stores and compares them as
     * {@link DeadlineLevels.Index#levelAt} does: red = after the due instant, yellow = from the yellow instant on but
     * not after the due one, green = before the yellow instant; a paused clock keeps the level it had when it paused.
     * A stopped clock stores none of them, so a closed case is in no level filter.
     */
    Page<Case> worklist(String departmentCode, CaseStatus status, ClockLevel level, Instant now, PageRequest page) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("departmentCode").is(departmentCode));
        if (status != null) {
            all.add(Criteria.where("status").is(status.name()));
        } else {
            // the worklist is the open work: a closed case is listed only when its state is asked for
            all.add(Criteria.where("status").nin(CLOSED));
        }
        // a bundle's parent is handled through its members, so it is not work for anyone
        all.add(Criteria.where("kind").ne(CaseKind.BUNDLE.name()));
        if (level != null) {
            Criteria running = switch (level) {
                case RED -> Criteria.where("pausedLevel").is(null).and("dueAt").lt(now);
                case YELLOW -> Criteria.where("pausedLevel").is(null).and("dueAt").gte(now).and("yellowAt").lte(now);
                case GREEN -> Criteria.where("pausedLevel").is(null).and("yellowAt").gt(now);
            };
            all.add(new Criteria().orOperator(running, Criteria.where("pausedLevel").is(level.name())));
        }
        Query query = Query.query(new Criteria().andOperator(all))
                .with(Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("submittedAt")));
        return page(query, page);
    }

    /** The total is counted only when the page does not already tell it (a short first or last page). */
    private Page<Case> page(Query query, PageRequest page) {
        Query counting = Query.of(query);
        List<Case> content = mongo.find(query.with(page), Case.class);
        return PageableExecutionUtils.getPage(content, page, () -> mongo.count(counting, Case.class));
    }
}
