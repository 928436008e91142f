package dev.onewindow.dataexchange.datasets;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.onewindow.dataexchange.resources.AccessMode;
import dev.onewindow.dataexchange.resources.DataResource;
import dev.onewindow.dataexchange.resources.ResourceField;
import dev.onewindow.dataexchange.resources.ResourceService;
import dev.onewindow.dataexchange.subscriptions.SubscriptionService;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.OptimisticRetry;
import dev.onewindow.platform.personal.FieldCipher;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Pushed datasets: the providing department's data stewards (or its system holding that role) push records of a
 * DATASET resource, upserted by key; each change reaches the resource's live subscriptions. Queries read a record by
 * the keyed hash of its key value; personal values are opened only for the query that needs them.
 */
@Service
public class DatasetService {

    private final DatasetRecordRepository records;
    private final ResourceService resources;
    private final SubscriptionService subscriptions;
    private final FieldCipher cipher;
    private final LookupHasher hasher;
    private final Clock clock;

    DatasetService(DatasetRecordRepository records, ResourceService resources, SubscriptionService subscriptions,
            FieldCipher cipher, LookupHasher hasher, Clock clock) {
        this.records = records;
        this.resources = resources;
        this.subscriptions = subscriptions;
        this.cipher = cipher;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** What a push did. */
    public record PushResult(int created, int updated, int unchanged) {
    }

    public PushResult push(String resourceCode, List<Map<String, Object>> pushed, Caller caller) {
        DataResource resource = resources.get(resourceCode);
        if (!caller.hasRole(Roles.DATA_STEWARD) || !caller.inDepartment(resource.providerDepartment())) {
            throw DomainException.notFound("resource", resourceCode);
        }
        if (resource.accessMode() != AccessMode.DATASET) {
            throw DomainException.conflict("NOT_A_DATASET", "the resource " + resourceCode + " is answered by its "
                    + "provider's system; nothing is pushed to it");
        }
        List<Map<String, Object>> checked = pushed.stream().map(resource::checkRecord).toList();
        List<DatasetRecord.Subscriber> subscribers = subscriptions.deliveries(resourceCode).stream()
                .map(d -> new DatasetRecord.Subscriber(d.subscriptionId(), d.grant())).toList();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Map<String, Object> record : checked) {
            switch (upsert(resource, record, subscribers)) {
                case 0 -> unchanged++;
                case 1 -> created++;
                default -> updated++;
            }
        }
        return new PushResult(created, updated, unchanged);
    }

    /** 0 unchanged, 1 created, 2 updated. */
    private int upsert(DataResource resource, Map<String, Object> record, List<DatasetRecord.Subscriber> subscribers) {
        String keyHash = keyHash(resource.code(), record.get(resource.keyField()));
        return OptimisticRetry.run(() -> {
            Instant now = clock.instant();
            Optional<DatasetRecord> existing = records.findByResourceCodeAndKeyHash(resource.code(), keyHash);
            DatasetRecord r = existing.orElseGet(() -> DatasetRecord.create(UUID.randomUUID().toString(), resource,
                    keyHash));
            Map<String, Object> plain = new LinkedHashMap<>();
            Map<String, DatasetRecord.Sealed> personal = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : record.entrySet()) {
                ResourceField f = resource.field(e.getKey()).orElseThrow();
                if (f.personal() && e.getValue() != null) {
                    String text = String.valueOf(e.getValue());
                    personal.put(f.name(), new DatasetRecord.Sealed(cipher.encrypt(text, context(r.id(), f.name())),
                            hasher.hash(r.id() + "/" + f.name() + "/" + text)));
                } else {
                    plain.put(f.name(), e.getValue());
                }
            }
            if (r.apply(resource, plain, personal, subscribers, now).isEmpty()) {
                return 0;
            }
            try {
                records.save(r);
            } catch (DuplicateKeyException raced) {
                throw new org.springframework.dao.OptimisticLockingFailureException("pushed twice at once", raced);
            }
            return existing.isPresent() ? 2 : 1;
        });
    }

    /** The stored record of a key, personal values opened; empty when the dataset has none. */
    public Optional<Map<String, Object>> find(DataResource resource, Object keyValue) {
        return records.findByResourceCodeAndKeyHash(resource.code(), keyHash(resource.code(), keyValue))
                .map(r -> {
                    Map<String, Object> all = new LinkedHashMap<>(r.values());
                    r.sealed().forEach((field, ciphertext) -> all.put(field,
                            cipher.decrypt(ciphertext, context(r.id(), field))));
                    return all;
                });
    }

    private String keyHash(String resourceCode, Object keyValue) {
        return hasher.hash(resourceCode + "/" + keyValue);
    }

    private static String context(String recordId, String field) {
        return "dataset:" + recordId + ":" + field;
    }
}
