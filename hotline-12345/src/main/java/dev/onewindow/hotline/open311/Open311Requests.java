package dev.onewindow.hotline.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onewindow.hotline.Limits;
import dev.onewindow.hotline.category.Category;
import dev.onewindow.hotline.category.CategoryTree;
import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.hotline.orders.Assignment;
import dev.onewindow.hotline.orders.DemandType;
import dev.onewindow.hotline.orders.IntakeChannel;
import dev.onewindow.hotline.orders.Location;
import dev.onewindow.hotline.orders.Urgency;
import dev.onewindow.hotline.orders.WorkOrder;
import dev.onewindow.hotline.orders.WorkOrderRules;
import dev.onewindow.hotline.orders.WorkOrderService;
import dev.onewindow.hotline.orders.WorkOrderStatus;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * GeoReport v2 service requests as work orders. Filing is intake through the partner channel; reading shows only
 * what was filed through it and is not confidential — a request a partner filed in the open, as Open311 is — never an
 * order taken by phone, app or from a signed-in citizen (her own words to the city, not a public report), and never
 * who filed it.
 */
@Service
public class Open311Requests {

    /** The specification's window of a list without dates, and the longest one a client may ask for. */
    public static final Duration WINDOW = Duration.ofDays(90);
    /** The specification's most requests in one list. */
    public static final int MAX_LIST = 1000;

    private static final List<String> ENDED = Arrays.stream(WorkOrderStatus.values()).filter(WorkOrderStatus::ended)
            .map(WorkOrderStatus::name).toList();

    private final WorkOrderService orders;
    private final Open311Catalog catalog;
    private final CategoryTree tree;
    private final HotlineProperties properties;
    private final MongoTemplate mongo;
    private final Clock clock;

    Open311Requests(WorkOrderService orders, Open311Catalog catalog, CategoryTree tree, HotlineProperties properties,
            MongoTemplate mongo, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.tree = tree;
        this.properties = properties;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * A POST's parameters, checked for form by the web layer; empty ones are absent (the specification's "optional").
     *
     * @param attributes {@code attribute[code]} values by code
     */
    public record NewRequest(String serviceCode, Double lat, Double lng, String addressString, String firstName,
            String lastName, String phone, String description, Map<String, String> attributes) {
    }

    /** What the filer gets back: the request's id and what to expect. */
    public record Filed(String serviceRequestId, String serviceNotice) {
    }

    /** A service request as anyone may read it. */
    public record ServiceRequest(String serviceRequestId, boolean closed, String statusNotes, String serviceName,
            String serviceCode, String description, String agencyResponsible, String serviceNotice,
            Instant requested, Instant updated, Instant expected, String address, Double lat, Double lng) {
    }

    /** The filters of GET requests; {@code ids} overrides the others, as the specification says. */
    public record Filter(List<String> ids, List<String> serviceCodes, Instant start, Instant end,
            Set<Boolean> closed) {
    }

    // ------------------------------------------------------------------------------------------------ filing

    public Filed file(NewRequest request, Caller partner) {
        Open311Catalog.Service service = catalog.service(request.serviceCode());
        DemandType demandType = demandType(request.attributes().get(Open311Catalog.DEMAND_TYPE), service.code());
        String region = request.attributes().getOrDefault(Open311Catalog.REGION, properties.open311().region());
        Location location = request.lat() == null ? null : new Location(request.lat(), request.lng());
        String address = request.addressString() != null ? request.addressString()
                : request.lat() + "," + request.lng();
        String name = callerName(request.firstName(), request.lastName());
        if (name != null && name.length() > Limits.NAME) {
            throw DomainException.invalid("INVALID_TEXT", "first_name and last_name together are longer than "
                    + Limits.NAME + " characters").with("field", "first_name");
        }
        boolean anonymous = name == null && request.phone() == null;
        var intake = new WorkOrderService.Intake(IntakeChannel.PARTNER_API, name, request.phone(), anonymous, false,
                demandType, service.code(), address, region, location, Urgency.NORMAL, request.description());
        WorkOrder order = orders.register(intake, partner).order();
        return new Filed(order.orderNo(), catalog.notice(demandType));
    }

    private DemandType demandType(String value, String serviceCode) {
        if (value == null) {
            return catalog.defaultDemandType(serviceCode);
        }
        return Open311Catalog.DEMAND_TYPES.keySet().stream().filter(t -> t.name().equals(value)).findFirst()
                .orElseThrow(() -> DomainException.invalid("INVALID_ATTRIBUTE", "attribute[demand_type] must be one "
                        + "of " + Open311Catalog.DEMAND_TYPES.keySet()).with("field", "attribute[demand_type]"));
    }

    /**
     * The name a person gives as given and family name: a Chinese name is written family name first without a
     * space (王 + 小明 = 王小明, so masking keeps the family name); any other given name first.
     */
    static String callerName(String first, String last) {
        if (first == null || last == null) {
            return first != null ? first : last;
        }
        boolean han = (last + first).codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return han ? last + first : first + " " + last;
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** One request by its id (the order number); 404 for an order that is not a public Open311 request. */
    public ServiceRequest get(String id) {
        List<WorkOrder> found = mongo.find(Query.query(listed().and("orderNo").is(id)), WorkOrder.class);
        if (found.isEmpty()) {
            throw DomainException.notFound("service request", id).with("field", "service_request_id");
        }
        return view(found.get(0), orders.rules(), clock.instant());
    }

    /**
     * Requests, newest first, at most {@value #MAX_LIST}: by id, or filed in the window (the last 90 days unless
     * given; at most 90 days) of the given services and statuses. Index {@code open311} ({@code channel},
     * {@code registeredAt}).
     */
    public List<ServiceRequest> list(Filter filter) {
        Criteria criteria = listed();
        if (filter.ids() != null) {
            criteria.and("orderNo").in(filter.ids());
        } else {
            Instant[] window = window(filter.start(), filter.end());
            criteria.and("registeredAt").gte(window[0]).lte(window[1]);
            if (filter.serviceCodes() != null) {
                criteria.and("categoryCode").in(filter.serviceCodes());
            }
            if (filter.closed() != null && filter.closed().size() == 1) {
                criteria.and("status").in(filter.closed().contains(true) ? ENDED : openStatuses());
            }
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "registeredAt")).limit(MAX_LIST);
        WorkOrderRules rules = orders.rules();
        Instant now = clock.instant();
        return mongo.find(query, WorkOrder.class).stream().map(o -> view(o, rules, now)).toList();
    }

    private static List<String> openStatuses() {
        return Arrays.stream(WorkOrderStatus.values()).filter(s -> !s.ended()).map(WorkOrderStatus::name).toList();
    }

    private Instant[] window(Instant start, Instant end) {
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                throw DomainException.invalid("INVALID_PERIOD", "start_date must not be after end_date")
                        .with("field", "start_date");
            }
            if (Duration.between(start, end).compareTo(WINDOW) > 0) {
                throw DomainException.invalid("PERIOD_TOO_LONG", "start_date to end_date may not span more than "
                        + WINDOW.toDays() + " days").with("field", "end_date");
            }
            return new Instant[] {start, end};
        }
        if (start != null) {
            return new Instant[] {start, start.plus(WINDOW)};
        }
        Instant until = end != null ? end : clock.instant();
        return new Instant[] {until.minus(WINDOW), until};
    }

    /** Filed through the partner channel (the partner API or Open311) and not confidential. */
    private static Criteria listed() {
        return Criteria.where("channel").is(IntakeChannel.PARTNER_API.name()).and("caller.confidential").is(false);
    }

    private ServiceRequest view(WorkOrder order, WorkOrderRules rules, Instant now) {
        String serviceName = tree.find(order.categoryCode()).map(Category::name).orElse(order.categoryCode());
        return new ServiceRequest(order.orderNo(), order.status().ended(), statusNotes(order), serviceName,
                order.categoryCode(), order.text(), order.lead().map(Assignment::department).orElse(null),
                catalog.notice(order.demandType()), order.registeredAt(), order.updatedAt(),
                order.replyDueAt(rules, now).orElse(null), order.address(),
                order.location() == null ? null : order.location().lat(),
                order.location() == null ? null : order.location().lng());
    }

    /** Where the order is, in words; never the reply or a person's words, which may name the caller. */
    private static String statusNotes(WorkOrder order) {
        return switch (order.status()) {
            case REGISTERED -> "已受理，待派单";
            case ANSWERED -> "已直接答复，办结";
            case DISPATCHED -> "已派单，待承办部门签收";
            case SIGNED -> "承办部门已签收";
            case RETURNED -> "承办部门退回，待重新派单";
            case IN_PROGRESS -> "承办部门办理中";
            case REPLIED -> "承办部门已答复，待回访";
            case CALLBACK -> "已回访，待办结";
            case CLOSED -> "已办结";
            case REOPENED -> "回访不满意，重新办理";
            case MERGED -> "已与工单 " + order.mergedIntoNo() + " 合并办理";
        };
    }
}
