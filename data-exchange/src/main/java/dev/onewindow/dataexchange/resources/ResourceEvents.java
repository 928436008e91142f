package dev.onewindow.dataexchange.resources;

import java.time.Instant;
import java.util.List;

/** The data of the resource aggregate's events (topic {@code data-exchange.resource.events.v1}, key = resource code). */
public final class ResourceEvents {

    private ResourceEvents() {
    }

    /** A field as the catalog announces it: never a value. */
    public record Field(String field, FieldType type, int level, boolean personal) {
    }

    /** A resource entered the catalog (数据资源目录). */
    public record Registered(String resourceCode, String resourceName, String providerDepartment, String region,
            ShareType shareType, String legalBasis, AccessMode accessMode, UpdateFrequency updateFrequency,
            List<Field> fields, String keyField, Instant registeredAt) {
    }
}
