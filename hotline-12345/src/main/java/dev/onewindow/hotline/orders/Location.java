package dev.onewindow.hotline.orders;

import dev.onewindow.platform.domain.DomainException;

/** A point (WGS 84) where the matter is, when the caller's app or the agent's map gives one. */
public record Location(double lat, double lng) {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public Location {
        if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) {
            throw DomainException.invalid("INVALID_LOCATION", "latitude must be in [-90, 90] and longitude in "
                    + "[-180, 180]").with("field", "location");
        }
    }

    /** Great-circle distance in metres (haversine), good to a metre at the distances duplicates are sought in. */
    public double metresTo(Location other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLng = Math.toRadians(other.lng - lng);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
