package dev.onewindow.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.onewindow.platform.region.Regions;

/**
 * Region scoping as an exact match, so that every list a supervisor reads is one indexed equality: a record stores the
 * prefixes of every level that covers it ({@code 34}, {@code 3413}, {@code 341302}), a caller is matched by the one
 * prefix of its own region — the same rule as {@link Regions#covers} (a city covers its districts).
 */
public final class RegionScopes {

    private RegionScopes() {
    }

    /** The prefixes a record of {@code region} is found under; empty for something that is not a region code. */
    public static List<String> of(String region) {
        List<String> scopes = new ArrayList<>(3);
        if (region != null && Regions.CODE.matcher(region).matches()) {
            scopes.add(region.substring(0, 2));
            scopes.add(region.substring(0, 4));
            scopes.add(region);
        }
        return scopes;
    }

    /** The prefix a caller of {@code region} sees: {@code 3413} for the city 341300; empty for no valid region. */
    public static Optional<String> prefix(String region) {
        if (region == null || !Regions.CODE.matcher(region).matches() || region.equals("000000")) {
            return Optional.empty();
        }
        String prefix = region.endsWith("0000") ? region.substring(0, 2)
                : region.endsWith("00") ? region.substring(0, 4) : region;
        return Optional.of(prefix);
    }
}
