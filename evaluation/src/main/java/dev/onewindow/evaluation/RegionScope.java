package dev.onewindow.evaluation;

import java.util.Optional;

import dev.onewindow.platform.region.Regions;

/**
 * The start every region code within a caller's region shares (a city covers its districts, as
 * {@link Regions#covers} says), for the indexed list queries of eval-admins and supervisors.
 */
public final class RegionScope {

    private RegionScope() {
    }

    /** {@code 3413} for the city 341300, {@code 341302} for the district; empty for no valid region. */
    public static Optional<String> prefix(String region) {
        if (region == null || !Regions.CODE.matcher(region).matches() || region.equals("000000")) {
            return Optional.empty();
        }
        return Optional.of(region.endsWith("0000") ? region.substring(0, 2)
                : region.endsWith("00") ? region.substring(0, 4) : region);
    }
}
