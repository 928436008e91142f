package dev.onewindow.hotline.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.hotline.category.Category;
import dev.onewindow.hotline.category.CategoryTree;
import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.hotline.orders.DemandType;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.stereotype.Component;

/**
 * What the GeoReport v2 facade offers (docs/api-docs.md, "the Open311 facade"): its one jurisdiction, the services
 * (the leaf categories of the tree) and each service's attributes ({@code region}, {@code demand_type}), and what a
 * filer is told to expect. Derived from the category tree and the settings, so a city that changes its tree changes
 * its Open311 services with it.
 */
@Component
public class Open311Catalog {

    public static final String REGION = "region";
    public static final String DEMAND_TYPE = "demand_type";

    /** The demand types a partner may name, in the order a form shows them, with their Chinese names. */
    static final Map<DemandType, String> DEMAND_TYPES = demandTypes();

    private final CategoryTree tree;
    private final HotlineProperties properties;

    Open311Catalog(CategoryTree tree, HotlineProperties properties) {
        this.tree = tree;
        this.properties = properties;
    }

    /** A GeoReport service: one leaf category. */
    public record Service(String code, String name, String description, String group, List<String> keywords) {
    }

    /** One attribute of a service definition; {@code values} only for a list. */
    public record Attribute(String code, String datatype, boolean required, String datatypeDescription, int order,
            String description, List<Value> values) {
    }

    /** An option of a list attribute. */
    public record Value(String key, String name) {
    }

    /**
     * A {@code jurisdiction_id} the client sent: none (optional, as the specification allows for an endpoint of
     * one jurisdiction) or this deployment's; any other is not found here.
     */
    public void requireJurisdiction(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.equals(properties.open311().jurisdiction())) {
            throw DomainException.notFound("jurisdiction_id", jurisdictionId)
                    .with("field", "jurisdiction_id");
        }
    }

    public List<Service> services() {
        return tree.leaves().stream().map(this::service).toList();
    }

    /** The service of {@code code}; 404 for a code that is not a leaf of the tree (a parent is no service). */
    public Service service(String code) {
        return tree.find(code).filter(Category::leaf).map(this::service)
                .orElseThrow(() -> DomainException.notFound("service_code", code).with("field", "service_code"));
    }

    private Service service(Category category) {
        List<String> names = category.path().stream().map(c -> tree.find(c).map(Category::name).orElse(c)).toList();
        return new Service(category.code(), category.name(), String.join(" › ", names), names.get(0),
                category.keywords());
    }

    /** The attributes of every service: where the matter is (region) and what the filer wants (demand type). */
    public List<Attribute> attributes(Service service) {
        String region = properties.open311().region();
        DemandType demand = defaultDemandType(service.code());
        List<Value> demandValues = DEMAND_TYPES.entrySet().stream()
                .map(e -> new Value(e.getKey().name(), e.getValue())).toList();
        return List.of(
                new Attribute(REGION, "string", false, "行政区划代码（GB/T 2260，6 位），须在本市内，如 " + region, 1,
                        "问题所在区县（不填为 " + region + "）", List.of()),
                new Attribute(DEMAND_TYPE, "singlevaluelist", false, null, 2,
                        "诉求类型（不填为" + DEMAND_TYPES.get(demand) + "）", demandValues));
    }

    /**
     * The demand type of a request that names none: a consultation category asks, a praise praises, a suggestion
     * suggests; every other service is a complaint, which is what a report of a problem to the city is.
     */
    public DemandType defaultDemandType(String serviceCode) {
        Category category = tree.require(serviceCode);
        if (category.within("CONSULT")) {
            return DemandType.CONSULTATION;
        }
        return switch (category.code()) {
            case "PRAISE-SERVICE" -> DemandType.PRAISE;
            case "PRAISE-SUGGESTION" -> DemandType.SUGGESTION;
            default -> DemandType.COMPLAINT;
        };
    }

    /**
     * {@code service_notice}: what happens next and how soon the answer comes, from the configured reply limit of a
     * normal-urgency order of this demand type (a consultation or a request for help is answered sooner).
     */
    public String notice(DemandType demandType) {
        HotlineProperties.Deadlines deadlines = properties.deadlines();
        String limit = demandType == DemandType.CONSULTATION || demandType == DemandType.HELP
                ? deadlines.replyConsultationHelp() : deadlines.reply().get("NORMAL");
        return "12345 热线受理后派至承办部门，自派单起 " + readable(limit) + "内答复。";
    }

    /** {@code 5wd} → 5 个工作日, {@code 24h} → 24 小时, {@code 30m} → 30 分钟 (the settings' syntax). */
    private static String readable(String limit) {
        String value = limit.trim();
        if (value.endsWith("wd")) {
            return value.substring(0, value.length() - 2) + " 个工作日";
        }
        return value.endsWith("h") ? value.substring(0, value.length() - 1) + " 小时"
                : value.substring(0, value.length() - 1) + " 分钟";
    }

    private static Map<DemandType, String> demandTypes() {
        Map<DemandType, String> names = new LinkedHashMap<>();
        names.put(DemandType.COMPLAINT, "投诉");
        names.put(DemandType.REPORT, "举报");
        names.put(DemandType.HELP, "求助");
        names.put(DemandType.CONSULTATION, "咨询");
        names.put(DemandType.SUGGESTION, "建议");
        names.put(DemandType.PRAISE, "表扬");
        return java.util.Collections.unmodifiableMap(names);
    }
}
