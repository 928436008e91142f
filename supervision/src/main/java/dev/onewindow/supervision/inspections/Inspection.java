package dev.onewindow.supervision.inspections;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.supervision.RegionScopes;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One random inspection (双随机、一公开) of an inspection item: the rosters frozen at announcement with their snapshot
 * hashes and the SHA-256 of a secret seed published; the draw reveals the seed and the selection ({@link
 * DrawAlgorithm}); results are entered per drawn entity and published within the publication limit of the
 * inspection's end (a clock the watch keeps).
 */
@Document("inspections")
@CompoundIndex(name = "region_list", def = "{'scopes': 1, 'announcedAt': -1}")
public class Inspection extends AggregateRoot {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private final String id;
    private final String itemCode;
    private final String itemName;
    private final String region;
    private final List<String> scopes;
    private final String department;
    private final List<DrawAlgorithm.Entity> entities;
    private final List<DrawAlgorithm.Inspector> inspectors;
    private final BigDecimal ratio;
    private final int inspectorsPerEntity;
    private final boolean distinctDepartments;
    private final LocalDate endsOn;
    private final String seed;
    private final String seedHash;
    private final String entitiesHash;
    private final String inspectorsHash;
    private final Instant announcedAt;
    private InspectionStatus status;
    private List<DrawAlgorithm.Assignment> selection;
    private Map<String, Outcome> results;
    private Instant drawnAt;
    private Instant publicationDueAt;
    private Instant publishedAt;
    private boolean publishedOnTime;

    /** What a supervisor announces. */
    public record Plan(String itemCode, String itemName, String region, String department,
            List<DrawAlgorithm.Entity> entities, List<DrawAlgorithm.Inspector> inspectors, BigDecimal ratio,
            int inspectorsPerEntity, boolean distinctDepartments, LocalDate endsOn) {
    }

    @PersistenceCreator
    Inspection(String id, String itemCode, String itemName, String region, List<String> scopes, String department,
            List<DrawAlgorithm.Entity> entities, List<DrawAlgorithm.Inspector> inspectors, BigDecimal ratio,
            int inspectorsPerEntity, boolean distinctDepartments, LocalDate endsOn, String seed, String seedHash,
            String entitiesHash, String inspectorsHash, Instant announcedAt) {
        this.id = id;
        this.itemCode = itemCode;
        this.itemName = itemName;
        this.region = region;
        this.scopes = scopes;
        this.department = department;
        this.entities = entities;
        this.inspectors = inspectors;
        this.ratio = ratio;
        this.inspectorsPerEntity = inspectorsPerEntity;
        this.distinctDepartments = distinctDepartments;
        this.endsOn = endsOn;
        this.seed = seed;
        this.seedHash = seedHash;
        this.entitiesHash = entitiesHash;
        this.inspectorsHash = inspectorsHash;
        this.announcedAt = announcedAt;
    }

    /** Freezes the rosters and commits to a fresh secret seed by publishing its hash. */
    public static Inspection announce(String id, Plan plan, Instant now) {
        if (plan.inspectorsPerEntity() < 2) {
            throw DomainException.invalid("TOO_FEW_INSPECTORS_PER_ENTITY", "at least 2 inspectors per entity");
        }
        if (plan.ratio().signum() <= 0 || plan.ratio().compareTo(BigDecimal.ONE) > 0) {
            throw DomainException.invalid("INVALID_RATIO", "the ratio is in (0, 1]");
        }
        if (plan.entities().stream().map(DrawAlgorithm.Entity::uscc).distinct().count() != plan.entities().size()
                || plan.inspectors().stream().map(DrawAlgorithm.Inspector::id).distinct().count()
                        != plan.inspectors().size()) {
            throw DomainException.invalid("DUPLICATE_IN_ROSTER", "each entity and inspector appears once");
        }
        if (plan.distinctDepartments()
                && plan.inspectors().stream().map(DrawAlgorithm.Inspector::department).distinct().count() < 2) {
            throw DomainException.invalid("ONE_DEPARTMENT_ONLY", "inspectors of two departments are required");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String seed = HexFormat.of().formatHex(secret);
        return new Inspection(id, plan.itemCode(), plan.itemName(), plan.region(), RegionScopes.of(plan.region()),
                plan.department(), List.copyOf(plan.entities()), List.copyOf(plan.inspectors()), plan.ratio(),
                plan.inspectorsPerEntity(), plan.distinctDepartments(), plan.endsOn(), seed,
                DrawAlgorithm.sha256(seed), DrawAlgorithm.sha256(DrawAlgorithm.entitiesText(plan.entities())),
                DrawAlgorithm.sha256(DrawAlgorithm.inspectorsText(plan.inspectors())), now).announced();
    }

    private Inspection announced() {
        status = InspectionStatus.ANNOUNCED;
        results = new LinkedHashMap<>();
        return this;
    }

    /** Reveals the seed and draws; the publication clock runs from the inspection's end. */
    public WorkClock draw(Limit publicationLimit, WorkingDayCalendar calendar, Instant now) {
        if (status != InspectionStatus.ANNOUNCED) {
            throw DomainException.illegalState(status, "draw");
        }
        try {
            selection = DrawAlgorithm.draw(seed, entities, inspectors, ratio, inspectorsPerEntity,
                    distinctDepartments);
        } catch (DrawAlgorithm.InsufficientInspectors e) {
            throw DomainException.conflict("INSUFFICIENT_INSPECTORS", e.getMessage());
        }
        status = InspectionStatus.DRAWN;
        drawnAt = now;
        WorkClock publication = WorkClock.start(endsOn.atStartOfDay(WorkingDayCalendar.ZONE).toInstant(),
                publicationLimit);
        publicationDueAt = publication.dueAt(calendar, now);
        registerEvent("inspection.drawn", new InspectionEvents.Drawn(id, itemCode, region, department,
                DrawAlgorithm.NAME, seedHash, seed, entitiesHash, inspectorsHash, ratio.toPlainString(),
                inspectorsPerEntity, distinctDepartments, selection.stream()
                        .map(a -> new InspectionEvents.Selected(a.uscc(), a.inspectors())).toList(), endsOn,
                publicationDueAt, now), now);
        return publication;
    }

    /** Records the outcome for a drawn entity (until published). */
    public void record(String uscc, Outcome outcome) {
        if (status != InspectionStatus.DRAWN) {
            throw DomainException.illegalState(status, "record a result");
        }
        if (selection.stream().noneMatch(a -> a.uscc().equals(uscc))) {
            throw DomainException.invalid("NOT_DRAWN", "the entity was not drawn in this inspection");
        }
        results.put(uscc, outcome);
    }

    /** Publishes the results of every drawn entity (一公开). */
    public void publish(Instant now) {
        if (status != InspectionStatus.DRAWN) {
            throw DomainException.illegalState(status, "publish");
        }
        if (results.size() < selection.size()) {
            throw DomainException.conflict("RESULTS_MISSING", (selection.size() - results.size())
                    + " drawn entities have no result yet");
        }
        status = InspectionStatus.PUBLISHED;
        publishedAt = now;
        publishedOnTime = !now.isAfter(publicationDueAt);
        List<InspectionEvents.Result> published = new ArrayList<>();
        selection.forEach(a -> published.add(new InspectionEvents.Result(a.uscc(), results.get(a.uscc()))));
        registerEvent("inspection.result-published", new InspectionEvents.ResultPublished(id, itemCode, region,
                department, published, publishedOnTime, now), now);
    }

    /** The public record (plain text) {@link DrawVerifier} reads; the seed only once drawn. */
    public String publicRecord() {
        StringBuilder text = new StringBuilder();
        text.append("algorithm=").append(DrawAlgorithm.NAME).append('\n')
                .append("inspection=").append(id).append('\n')
                .append("item=").append(itemCode).append('\n')
                .append("seedHash=").append(seedHash).append('\n')
                .append("seed=").append(status == InspectionStatus.ANNOUNCED ? "" : seed).append('\n')
                .append("ratio=").append(ratio.toPlainString()).append('\n')
                .append("inspectorsPerEntity=").append(inspectorsPerEntity).append('\n')
                .append("distinctDepartments=").append(distinctDepartments).append('\n')
                .append("entitiesHash=").append(entitiesHash).append('\n')
                .append("inspectorsHash=").append(inspectorsHash).append('\n');
        for (String line : DrawAlgorithm.entitiesText(entities).split("\n")) {
            if (!line.isEmpty()) {
                text.append("entity=").append(line).append('\n');
            }
        }
        for (String line : DrawAlgorithm.inspectorsText(inspectors).split("\n")) {
            if (!line.isEmpty()) {
                text.append("inspector=").append(line).append('\n');
            }
        }
        if (selection != null) {
            selection.forEach(a -> text.append("selected=").append(a.uscc()).append('|')
                    .append(String.join(",", a.inspectors())).append('\n'));
        }
        return text.toString();
    }

    @Override
    protected String aggregateType() {
        return "inspection";
    }

    @Override
    protected String region() {
        return region;
    }

    public String id() { return id; }
    public String itemCode() { return itemCode; }
    public String itemName() { return itemName; }
    public String regionCode() { return region; }
    public String department() { return department; }
    public InspectionStatus status() { return status; }
    public String seedHash() { return seedHash; }
    public String entitiesHash() { return entitiesHash; }
    public String inspectorsHash() { return inspectorsHash; }
    public int entityCount() { return entities.size(); }
    public int inspectorCount() { return inspectors.size(); }
    public LocalDate endsOn() { return endsOn; }
    public Instant announcedAt() { return announcedAt; }
    public Instant drawnAt() { return drawnAt; }
    public Instant publicationDueAt() { return publicationDueAt; }
    public Instant publishedAt() { return publishedAt; }
    public List<DrawAlgorithm.Assignment> selection() { return selection == null ? List.of() : selection; }
    public Map<String, Outcome> results() { return results == null ? Map.of() : Map.copyOf(results); }
}
