package dev.onewindow.dataexchange.resources;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A data resource of the catalog (数据资源目录): what a providing department holds, its fields with their
 * classification and personal flags, how it may be shared (国发〔2016〕51号's share types, with the legal basis) and how
 * data-exchange reaches it. Its data stewards maintain it; the code is the provider's department code and the
 * resource's own ({@code RSJ-SBJL}).
 */
@Document("resources")
public class DataResource extends AggregateRoot {

    @Id
    private final String code;
    private String name;
    private String description;
    @Indexed
    private final String providerDepartment;
    private final String region;
    private List<ResourceField> fields;
    private String keyField;
    private ShareType shareType;
    private String legalBasis;
    private UpdateFrequency updateFrequency;
    private final AccessMode accessMode;
    private String adapter;
    private final Instant registeredAt;
    private Instant updatedAt;

    /** What a data steward states about a resource. */
    public record Definition(String name, String description, List<ResourceField> fields, String keyField,
            ShareType shareType, String legalBasis, UpdateFrequency updateFrequency, AccessMode accessMode,
            String adapter) {
    }

    @PersistenceCreator
    DataResource(String code, String providerDepartment, String region, AccessMode accessMode, Instant registeredAt) {
        this.code = code;
        this.providerDepartment = providerDepartment;
        this.region = region;
        this.accessMode = accessMode;
        this.registeredAt = registeredAt;
    }

    public static DataResource register(String code, String providerDepartment, String region, Definition d,
            Set<String> adapters, Instant now) {
        if (!code.startsWith(providerDepartment + "-")) {
            throw DomainException.invalid("RESOURCE_CODE_NOT_OWN", "a resource code starts with the providing "
                    + "department's code: " + providerDepartment + "-…");
        }
        DataResource r = new DataResource(code, providerDepartment, region, d.accessMode(), now);
        r.apply(d, adapters, now);
        r.registerEvent("resource.registered", new ResourceEvents.Registered(code, r.name, providerDepartment, region,
                r.shareType, r.legalBasis, r.accessMode, r.updateFrequency, r.fields.stream()
                        .map(f -> new ResourceEvents.Field(f.name(), f.type(), f.level(), f.personal())).toList(),
                r.keyField, now), now);
        return r;
    }

    /** A data steward's change of the definition; the access mode is fixed once registered. */
    public void update(Definition d, Set<String> adapters, Instant now) {
        if (d.accessMode() != accessMode) {
            throw DomainException.conflict("ACCESS_MODE_FIXED", "a resource's access mode cannot change; register "
                    + "a new resource");
        }
        apply(d, adapters, now);
    }

    private void apply(Definition d, Set<String> adapters, Instant now) {
        Set<String> names = new HashSet<>();
        for (ResourceField f : d.fields()) {
            if (!names.add(f.name())) {
                throw DomainException.invalid("DUPLICATE_FIELD", "the field '" + f.name() + "' is listed twice");
            }
        }
        if (!names.contains(d.keyField())) {
            throw DomainException.invalid("UNKNOWN_KEY_FIELD", "the key field '" + d.keyField()
                    + "' is not one of the resource's fields");
        }
        if (d.shareType() != ShareType.UNCONDITIONAL && (d.legalBasis() == null || d.legalBasis().isBlank())) {
            throw DomainException.invalid("LEGAL_BASIS_REQUIRED", "a conditional or not-shared resource names its "
                    + "legal basis");
        }
        if (d.accessMode() == AccessMode.API) {
            if (d.adapter() == null || !adapters.contains(d.adapter())) {
                throw DomainException.invalid("UNKNOWN_ADAPTER", "an API resource names a registered provider "
                        + "adapter: " + adapters);
            }
        } else if (d.adapter() != null) {
            throw DomainException.invalid("ADAPTER_NOT_ALLOWED", "a pushed dataset has no provider adapter");
        }
        this.name = d.name();
        this.description = d.description();
        this.fields = List.copyOf(d.fields());
        this.keyField = d.keyField();
        this.shareType = d.shareType();
        this.legalBasis = d.legalBasis();
        this.updateFrequency = d.updateFrequency();
        this.adapter = d.adapter();
        this.updatedAt = now;
    }

    public Optional<ResourceField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** Every name in {@code requested} is a field of the resource, or the request is invalid. */
    public void requireFields(List<String> requested) {
        for (String n : requested) {
            if (field(n).isEmpty()) {
                throw DomainException.invalid("UNKNOWN_FIELD", "the resource " + code + " has no field '" + n + "'")
                        .with("field", n);
            }
        }
    }

    /**
     * A pushed record checked against the fields: every member a field of the resource, each value of its field's
     * type (ID numbers and USCCs by their check characters), the key present. Answers it with string values trimmed.
     */
    public java.util.Map<String, Object> checkRecord(java.util.Map<String, Object> record) {
        java.util.Map<String, Object> checked = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<String, Object> e : record.entrySet()) {
            ResourceField f = field(e.getKey()).orElseThrow(() -> DomainException.invalid("UNKNOWN_FIELD",
                    "the resource " + code + " has no field '" + e.getKey() + "'").with("field", e.getKey()));
            checked.put(f.name(), f.type().check(f.name(), e.getValue()));
        }
        if (checked.get(keyField) == null) {
            throw DomainException.invalid("KEY_REQUIRED", "every record has its key field '" + keyField + "'")
                    .with("field", keyField);
        }
        return checked;
    }

    @Override
    protected String aggregateType() {
        return "resource";
    }

    @Override
    protected String region() {
        return region;
    }

    public String code() { return code; }
    public String name() { return name; }
    public String description() { return description; }
    public String providerDepartment() { return providerDepartment; }
    public String regionCode() { return region; }
    public List<ResourceField> fields() { return fields; }
    public String keyField() { return keyField; }
    public ShareType shareType() { return shareType; }
    public String legalBasis() { return legalBasis; }
    public UpdateFrequency updateFrequency() { return updateFrequency; }
    public AccessMode accessMode() { return accessMode; }
    public String adapter() { return adapter; }
    public Instant registeredAt() { return registeredAt; }
    public Instant updatedAt() { return updatedAt; }
}
