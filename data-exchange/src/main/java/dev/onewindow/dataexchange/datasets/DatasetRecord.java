package dev.onewindow.dataexchange.datasets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.onewindow.dataexchange.grants.Grant;
import dev.onewindow.dataexchange.resources.DataResource;
import dev.onewindow.dataexchange.resources.ResourceField;
import dev.onewindow.platform.events.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One record of a pushed dataset, as its provider last pushed it. Found by the keyed hash of its key value (the key
 * may be an ID number); non-personal values are kept as they are, personal ones sealed per record and field
 * ({@code sealed}, platform {@code FieldCipher}). A change announces itself to each live subscription.
 */
@Document("dataset_records")
@CompoundIndex(name = "resource_key", def = "{'resourceCode': 1, 'keyHash': 1}", unique = true)
public class DatasetRecord extends AggregateRoot {

    @Id
    private final String id;
    private final String resourceCode;
    private final String keyHash;
    private final String region;
    private Map<String, Object> values;
    private Map<String, String> sealed;
    private Map<String, String> digests;
    private Instant updatedAt;

    /** A personal value, sealed for storage, with a keyed digest to see whether a push changed it. */
    public record Sealed(String ciphertext, String digest) {
    }

    /** One subscriber of the resource, with the grant that limits what it hears. */
    public record Subscriber(String subscriptionId, Grant grant) {
    }

    @PersistenceCreator
    DatasetRecord(String id, String resourceCode, String keyHash, String region) {
        this.id = id;
        this.resourceCode = resourceCode;
        this.keyHash = keyHash;
        this.region = region;
        this.values = new LinkedHashMap<>();
        this.sealed = new LinkedHashMap<>();
        this.digests = new LinkedHashMap<>();
    }

    public static DatasetRecord create(String id, DataResource resource, String keyHash) {
        return new DatasetRecord(id, resource.code(), keyHash, resource.regionCode());
    }

    /**
     * Takes the pushed values (non-personal as they are, personal sealed) and announces what changed to every
     * subscriber, limited to its grant. Answers the names of the fields that changed (empty: nothing did).
     */
    public List<String> apply(DataResource resource, Map<String, Object> plain, Map<String, Sealed> personal,
            List<Subscriber> subscribers, Instant now) {
        boolean created = updatedAt == null;
        List<String> changed = new ArrayList<>();
        Map<String, Object> newValues = new LinkedHashMap<>(values);
        for (Map.Entry<String, Object> e : plain.entrySet()) {
            if (!Objects.equals(values.get(e.getKey()), e.getValue())) {
                changed.add(e.getKey());
            }
            newValues.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Sealed> e : personal.entrySet()) {
            if (!Objects.equals(digests.get(e.getKey()), e.getValue().digest())) {
                changed.add(e.getKey());
                sealed.put(e.getKey(), e.getValue().ciphertext());
                digests.put(e.getKey(), e.getValue().digest());
            }
        }
        if (changed.isEmpty()) {
            return changed;
        }
        List<String> order = resource.fields().stream().map(ResourceField::name).toList();
        changed.sort(java.util.Comparator.comparingInt(order::indexOf));
        values = newValues;
        updatedAt = now;
        Set<String> personalFields = new java.util.HashSet<>();
        for (ResourceField f : resource.fields()) {
            if (f.personal()) {
                personalFields.add(f.name());
            }
        }
        for (Subscriber s : subscribers) {
            List<String> granted = s.grant().fields();
            List<String> visible = changed.stream().filter(granted::contains).toList();
            if (visible.isEmpty()) {
                continue;
            }
            List<DatasetEvents.FieldValue> shown = new ArrayList<>();
            List<String> personalChanged = new ArrayList<>();
            for (String f : visible) {
                if (personalFields.contains(f)) {
                    personalChanged.add(f);
                } else {
                    shown.add(new DatasetEvents.FieldValue(f, values.get(f)));
                }
            }
            registerEvent("dataset.changed", new DatasetEvents.Changed(id, resourceCode, s.subscriptionId(),
                    s.grant().id(), s.grant().consumerDepartment(), created ? "CREATED" : "UPDATED", visible,
                    shown, personalChanged, now), now);
        }
        return changed;
    }

    @Override
    protected String aggregateType() {
        return "dataset";
    }

    @Override
    protected String region() {
        return region;
    }

    public String id() { return id; }
    public String resourceCode() { return resourceCode; }
    public String keyHash() { return keyHash; }
    public Map<String, Object> values() { return values; }
    public Map<String, String> sealed() { return sealed; }
    public Instant updatedAt() { return updatedAt; }
}
