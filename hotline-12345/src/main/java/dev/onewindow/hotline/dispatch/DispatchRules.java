package dev.onewindow.hotline.dispatch;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.onewindow.hotline.category.Category;
import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.region.Regions;
import org.springframework.stereotype.Component;

/**
 * 派单 rules on category and region ({@code onewindow.hotline.dispatch}). The most specific matching rule wins: the
 * deepest category, then the narrowest region. Without one, the government of the order's region takes it (兜底):
 * the fallback of the region itself or of the nearest region above it.
 */
@Component
public class DispatchRules {

    private final List<HotlineProperties.Dispatch.Rule> rules;
    private final Map<String, String> fallback;

    public DispatchRules(HotlineProperties properties) {
        this.rules = properties.dispatch().rules();
        this.fallback = properties.dispatch().fallback();
    }

    /** Where an order of {@code category} in {@code region} goes, or 409 when neither a rule nor a fallback names one. */
    public Decision decide(Category category, String region) {
        Optional<HotlineProperties.Dispatch.Rule> rule = rules.stream()
                .filter(r -> category.within(r.category()) && Regions.covers(r.region(), region))
                .max(Comparator.<HotlineProperties.Dispatch.Rule>comparingInt(r -> category.path().indexOf(r.category()))
                        .thenComparingInt(r -> specificity(r.region())));
        if (rule.isPresent()) {
            return new Decision(rule.get().lead(), rule.get().helpers(), "RULE");
        }
        return fallback.entrySet().stream().filter(e -> Regions.covers(e.getKey(), region))
                .max(Comparator.comparingInt(e -> specificity(e.getKey())))
                .map(e -> new Decision(e.getValue(), List.of(), "FALLBACK"))
                .orElseThrow(() -> DomainException.conflict("NO_DEPARTMENT", "no dispatch rule and no fallback "
                        + "department covers category " + category.code() + " in region " + region
                        + "; name the department"));
    }

    /** A district code is more specific than its city's, a city's than its province's. */
    private static int specificity(String region) {
        return region.endsWith("0000") ? 0 : region.endsWith("00") ? 1 : 2;
    }

    /** The lead department (主办), helpers (协办) and how they were chosen: RULE or FALLBACK. */
    public record Decision(String lead, List<String> helpers, String by) {
    }
}
