package dev.onewindow.catalog.item;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A basic catalog item (事项): what the law empowers, independent of who implements it where. Implementation list
 * entries refer to it by {@link #basicCode()} and take their item type, default applicant types and topics from it.
 */
@Document("service_items")
/* the item list filtered by type, in code order */
@CompoundIndex(name = "type_code", def = "{'itemType': 1, '_id': 1}")
public class ServiceItem {

    @Id
    private String basicCode;
    private ItemType itemType;
    private String name;
    private String legalBasis;
    private List<ApplicantType> applicantTypes;
    private List<String> lifeEvents;
    private List<String> enterpriseTopics;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private Long version;

    private ServiceItem() {
    }

    public static ServiceItem define(BasicCode code, String name, String legalBasis,
            List<ApplicantType> applicantTypes, List<String> lifeEvents, List<String> enterpriseTopics, String by,
            Instant now) {
        ServiceItem item = new ServiceItem();
        item.basicCode = code.value();
        item.itemType = code.itemType();
        item.update(name, legalBasis, applicantTypes, lifeEvents, enterpriseTopics, by, now);
        return item;
    }

    public void update(String name, String legalBasis, List<ApplicantType> applicantTypes, List<String> lifeEvents,
            List<String> enterpriseTopics, String by, Instant now) {
        this.name = name;
        this.legalBasis = legalBasis;
        this.applicantTypes = List.copyOf(applicantTypes);
        this.lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
        this.enterpriseTopics = enterpriseTopics == null ? List.of() : List.copyOf(enterpriseTopics);
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** Whether an update with these values would change anything (lets the demo loader stay idempotent). */
    public boolean sameAs(String name, String legalBasis, List<ApplicantType> applicantTypes,
            List<String> lifeEvents, List<String> enterpriseTopics) {
        return this.name.equals(name) && java.util.Objects.equals(this.legalBasis, legalBasis)
                && this.applicantTypes.equals(applicantTypes)
                && this.lifeEvents.equals(lifeEvents == null ? List.of() : lifeEvents)
                && this.enterpriseTopics.equals(enterpriseTopics == null ? List.of() : enterpriseTopics);
    }

    /** Life events and enterprise life-cycle topics together: what the catalog is browsed and filtered by. */
    public List<String> topics() {
        return java.util.stream.Stream.concat(lifeEvents.stream(), enterpriseTopics.stream()).distinct().toList();
    }

    public String basicCode() { return basicCode; }
    public ItemType itemType() { return itemType; }
    public String name() { return name; }
    public String legalBasis() { return legalBasis; }
    public List<ApplicantType> applicantTypes() { return applicantTypes; }
    public List<String> lifeEvents() { return lifeEvents; }
    public List<String> enterpriseTopics() { return enterpriseTopics; }
    public Instant updatedAt() { return updatedAt; }
    public Long version() { return version; }
}
