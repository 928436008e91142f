package dev.onewindow.hotline.orders;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.onewindow.hotline.config.HotlineProperties;
import org.springframework.stereotype.Component;

/**
 * 重复工单: a new order of the same category as an open one, registered within the window before it, at most the
 * configured distance from it (by coordinates) or at the same address, is suggested for merging. The dispatcher
 * decides; nothing is merged by itself.
 */
@Component
class DuplicateFinder {

    private final WorkOrderQueries queries;
    private final HotlineProperties.Duplicates settings;

    DuplicateFinder(WorkOrderQueries queries, HotlineProperties properties) {
        this.queries = queries;
        this.settings = properties.duplicates();
    }

    /** The order numbers of open orders the new one may duplicate, nearest first by registration. */
    List<String> candidates(String category, String address, Location location, Instant now) {
        return queries.openOfCategorySince(category, now.minus(settings.window())).stream()
                .filter(open -> near(open, address, location))
                .map(WorkOrderQueries.OpenOrderPlace::orderNo).limit(10).toList();
    }

    private boolean near(WorkOrderQueries.OpenOrderPlace open, String address, Location location) {
        if (location != null && open.location() != null) {
            return location.metresTo(open.location()) <= settings.distanceMetres();
        }
        return normalized(address).equals(normalized(open.address()));
    }

    /** Addresses compare without blanks and punctuation: 银河一路 20 号 = 银河一路20号. */
    static String normalized(String address) {
        return address == null ? "" : address.replaceAll("[\\s\\p{P}]", "").toLowerCase(Locale.ROOT);
    }
}
