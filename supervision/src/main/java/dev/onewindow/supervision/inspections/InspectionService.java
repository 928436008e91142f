package dev.onewindow.supervision.inspections;

import java.time.Clock;
import java.util.UUID;

import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import dev.onewindow.supervision.RegionScopes;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.config.SupervisionProperties;
import dev.onewindow.supervision.watch.Phases;
import dev.onewindow.supervision.watch.WatchService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * 双随机、一公开: supervisors of a region announce, draw, enter results and publish; the public reads the record of
 * any inspection (一公开). The publication clock is handed to the watch, which alerts on it like any other clock.
 */
@Service
public class InspectionService {

    private final InspectionRepository inspections;
    private final WatchService watch;
    private final CalendarSource calendar;
    private final Clock clock;
    private final SupervisionProperties properties;

    public InspectionService(InspectionRepository inspections, WatchService watch, CalendarSource calendar,
            Clock clock, SupervisionProperties properties) {
        this.inspections = inspections;
        this.watch = watch;
        this.calendar = calendar;
        this.clock = clock;
        this.properties = properties;
    }

    public Inspection announce(Inspection.Plan plan, Caller caller) {
        if (!caller.inRegion(plan.region())) {
            throw DomainException.notAllowed("REGION_NOT_COVERED", "the inspection is outside the supervisor's region");
        }
        return inspections.insert(Inspection.announce(UUID.randomUUID().toString(), plan, clock.instant()));
    }

    public Inspection draw(String id, Caller caller) {
        Inspection inspection = forSupervisor(id, caller);
        var publication = inspection.draw(properties.publication(), calendar.current(), clock.instant());
        Inspection saved = inspections.save(inspection);
        watch.applyOwn(subject(saved), step -> step.start(Phases.PUBLICATION, saved.department(), publication));
        return saved;
    }

    public Inspection record(String id, String uscc, Outcome outcome, Caller caller) {
        Inspection inspection = forSupervisor(id, caller);
        inspection.record(uscc, outcome);
        return inspections.save(inspection);
    }

    public Inspection publish(String id, Caller caller) {
        Inspection inspection = forSupervisor(id, caller);
        inspection.publish(clock.instant());
        Inspection saved = inspections.save(inspection);
        watch.applyOwn(subject(saved), step -> step.stop(Phases.PUBLICATION, saved.publishedAt()));
        return saved;
    }

    public Inspection get(String id, Caller caller) {
        return inspections.findById(id)
                .filter(i -> caller.hasRole(Roles.AUDITOR) || caller.inRegion(i.regionCode()))
                .orElseThrow(() -> DomainException.notFound("inspection", id));
    }

    /** The public record of any inspection (一公开): rosters, hashes, and once drawn the seed and selection. */
    public String publicRecord(String id) {
        return inspections.findById(id).map(Inspection::publicRecord)
                .orElseThrow(() -> DomainException.notFound("inspection", id));
    }

    public Page<Inspection> list(Caller caller, PageRequest page) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return inspections.findAllByOrderByAnnouncedAtDesc(page);
        }
        return RegionScopes.prefix(caller.region())
                .map(p -> inspections.findByScopesOrderByAnnouncedAtDesc(p, page)).orElse(Page.empty(page));
    }

    private Inspection forSupervisor(String id, Caller caller) {
        return inspections.findById(id).filter(i -> caller.inRegion(i.regionCode()))
                .orElseThrow(() -> DomainException.notFound("inspection", id));
    }

    private static WatchService.Subject subject(Inspection i) {
        return new WatchService.Subject(Source.INSPECTION, i.id(), i.itemCode(), i.regionCode(), i.department());
    }
}
