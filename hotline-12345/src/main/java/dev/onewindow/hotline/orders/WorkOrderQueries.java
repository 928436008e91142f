package dev.onewindow.hotline.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.onewindow.platform.calendar.ClockLevel;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;
import org.bson.Document;

/**
 * The scoped, paged reads. Scoping is part of the query, never a filter applied after loading; each filter and sort is
 * backed by an index declared on {@link WorkOrder}.
 */
@Component
public class WorkOrderQueries {

    private static final List<String> ENDED = Arrays.stream(WorkOrderStatus.values()).filter(WorkOrderStatus::ended)
            .map(WorkOrderStatus::name).toList();

    private final MongoTemplate mongo;

    WorkOrderQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Index {@code department_worklist} (a department's orders) or {@code hotline_worklist} (the hotline's, scoped
     * to a region by code prefix). Without a state, the orders not yet ended; the level compares the instants each
     * command stores, as {@link WorkOrder#indexedLevel} does.
     */
    Page<WorkOrder> worklist(String department, String regionPrefix, WorkOrderStatus status, ClockLevel level,
            Instant now, PageRequest page) {
        List<Criteria> all = new ArrayList<>();
        if (department != null) {
            all.add(Criteria.where("departments").is(department));
        }
        if (status != null) {
            all.add(Criteria.where("status").is(status.name()));
        } else {
            all.add(Criteria.where("status").nin(ENDED));
        }
        if (regionPrefix != null) {
            all.add(Criteria.where("region").regex("^" + regionPrefix));
        }
        if (level != null) {
            all.add(switch (level) {
                case RED -> Criteria.where("dueAt").lt(now);
                case YELLOW -> Criteria.where("dueAt").gte(now).and("yellowAt").lte(now);
                case GREEN -> Criteria.where("yellowAt").gt(now);
            });
        }
        Query query = Query.query(new Criteria().andOperator(all))
                .with(Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("registeredAt")));
        return page(query, page);
    }

    /** Index {@code caller_subject}: a signed-in citizen's own orders, newest first. */
    Page<WorkOrder> ofCaller(String subject, PageRequest page) {
        return page(Query.query(Criteria.where("caller.subject").is(subject))
                .with(Sort.by(Sort.Direction.DESC, "registeredAt")), page);
    }

    /**
     * Index {@code duplicates}: where the open orders of a category registered since {@code since} are, at most 200,
     * newest first — only the fields a duplicate is judged by, so a busy category costs no whole orders.
     */
    List<OpenOrderPlace> openOfCategorySince(String category, Instant since) {
        Query query = Query.query(Criteria.where("categoryCode").is(category).and("registeredAt").gte(since)
                .and("status").in(WorkOrderStatus.OPEN.stream().map(Enum::name).toList())
                .and("mergedInto").is(null))
                .with(Sort.by(Sort.Direction.DESC, "registeredAt")).limit(200);
        query.fields().include("orderNo", "address", "location");
        return mongo.find(query, Document.class, "work_orders").stream().map(d -> {
            Document at = d.get("location", Document.class);
            return new OpenOrderPlace(d.getString("orderNo"), d.getString("address"),
                    at == null ? null : new Location(at.getDouble("lat"), at.getDouble("lng")));
        }).toList();
    }

    /** An open order's number and where it is. */
    record OpenOrderPlace(String orderNo, String address, Location location) {
    }

    /** 退单 counted per department over orders registered in {@code [from, to)}: department → returns. */
    List<DepartmentReturns> returnsPerDepartment(String regionPrefix, Instant from, Instant to) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("registeredAt").gte(from).lt(to).and("region")
                        .regex("^" + regionPrefix).and("returns.0").exists(true)),
                Aggregation.unwind("returns"),
                Aggregation.group("returns.department").count().as("returns"),
                Aggregation.sort(Sort.by(Sort.Direction.DESC, "returns")));
        return mongo.aggregate(aggregation, WorkOrder.class, Document.class).getMappedResults().stream()
                .map(d -> new DepartmentReturns(d.getString("_id"), ((Number) d.get("returns")).longValue())).toList();
    }

    /** How many times a department returned orders (退单). */
    public record DepartmentReturns(String department, long returns) {
    }

    private Page<WorkOrder> page(Query query, PageRequest page) {
        Query counting = Query.of(query);
        List<WorkOrder> content = mongo.find(query.with(page), WorkOrder.class);
        return PageableExecutionUtils.getPage(content, page, () -> mongo.count(counting, WorkOrder.class));
    }
}
