package dev.onewindow.dataexchange.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.onewindow.dataexchange.grants.Grant;
import dev.onewindow.dataexchange.resources.DataResource;
import dev.onewindow.dataexchange.resources.ResourceField;

/**
 * What a consumer receives of a record: only the grant's fields (everything else removed, also what the provider
 * answered beyond the catalog), personal ones masked unless the grant names them unmasked.
 */
final class RecordFilter {

    private RecordFilter() {
    }

    static Map<String, Object> apply(Map<String, Object> record, DataResource resource, Grant grant) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : grant.fields()) {
            ResourceField field = resource.field(name).orElse(null);
            if (field == null || !record.containsKey(name)) {
                continue;
            }
            Object value = record.get(name);
            out.put(name, field.personal() && !grant.unmaskedFields().contains(name) ? field.type().mask(value)
                    : value);
        }
        return out;
    }
}
