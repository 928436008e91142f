package dev.onewindow.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.onewindow.catalog.bundle.Bundle;
import dev.onewindow.catalog.bundle.BundleRepository;
import dev.onewindow.catalog.bundle.BundleService;
import dev.onewindow.catalog.bundle.BundleStatus;
import dev.onewindow.catalog.config.CatalogProperties;
import dev.onewindow.catalog.department.Department;
import dev.onewindow.catalog.department.DepartmentRepository;
import dev.onewindow.catalog.entry.Editor;
import dev.onewindow.catalog.entry.EntryService;
import dev.onewindow.catalog.entry.EntryService.ImportOutcome;
import dev.onewindow.catalog.entry.EntryDraft;
import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.catalog.item.ServiceItem;
import dev.onewindow.catalog.item.ServiceItemRepository;
import dev.onewindow.platform.domain.DomainException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo catalog for the local stack ({@code onewindow.catalog.demo-data.enabled=true}): departments,
 * service items, published entries and bundles, upserted by code so a restart (or a second run) changes nothing.
 * Entries and bundles go through the same aggregates as an admin's requests, so they are validated the same way and
 * their events are published. They are published by the system ({@link Editor#system()}, recorded as
 * {@code system}): reference data the service loads itself, not a person's draft, so no review before publication.
 * Invalid demo data stops the start: it is a bug to fix, not to skip.
 */
@Component
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final Editor LOADER = Editor.system();

    private final CatalogProperties properties;
    private final ResourceLoader resources;
    private final JsonMapper json;
    private final Validator validator;
    private final DepartmentRepository departments;
    private final ServiceItemRepository items;
    private final EntryService entries;
    private final BundleRepository bundles;
    private final BundleService bundleService;
    private final Clock clock;

    DemoDataLoader(CatalogProperties properties, ResourceLoader resources, JsonMapper json, Validator validator,
            DepartmentRepository departments, ServiceItemRepository items, EntryService entries,
            BundleRepository bundles, BundleService bundleService, Clock clock) {
        this.properties = properties;
        this.resources = resources;
        this.json = json;
        this.validator = validator;
        this.departments = departments;
        this.items = items;
        this.entries = entries;
        this.bundles = bundles;
        this.bundleService = bundleService;
        this.clock = clock;
    }

    /** What one run did. */
    public record Summary(int departmentsCreated, int itemsChanged, Map<ImportOutcome, Integer> entries,
            int bundlesPublished) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (properties.demoData().enabled()) {
            Summary summary = load();
            log.info("demo catalog loaded from {}: {}", properties.demoData().location(), summary);
        }
    }

    public Summary load() {
        DemoCatalog catalog = read();
        int departmentsCreated = 0;
        for (DemoCatalog.DemoDepartment d : catalog.departments()) {
            Department existing = departments.findById(d.code()).orElse(null);
            if (existing == null) {
                departments.insert(new Department(d.code(), d.name(), d.region()));
                departmentsCreated++;
            } else if (!existing.name().equals(d.name())) {
                existing.rename(d.name());
                departments.save(existing);
            }
        }
        int itemsChanged = 0;
        for (DemoCatalog.DemoItem i : catalog.items()) {
            ServiceItem existing = items.findById(i.basicCode()).orElse(null);
            if (existing == null) {
                items.insert(ServiceItem.define(BasicCode.of(i.basicCode()), i.name(), i.legalBasis(),
                        i.applicantTypes(), i.lifeEvents(), i.enterpriseTopics(), LOADER.username(), clock.instant()));
                itemsChanged++;
            } else if (!existing.sameAs(i.name(), i.legalBasis(), i.applicantTypes(), i.lifeEvents(),
                    i.enterpriseTopics())) {
                existing.update(i.name(), i.legalBasis(), i.applicantTypes(), i.lifeEvents(), i.enterpriseTopics(),
                        LOADER.username(), clock.instant());
                items.save(existing);
                itemsChanged++;
            }
        }
        Map<ImportOutcome, Integer> outcomes = new EnumMap<>(ImportOutcome.class);
        for (EntryDraft entry : catalog.entries()) {
            outcomes.merge(entries.importPublished(LOADER, entry), 1, Integer::sum);
        }
        int bundlesPublished = 0;
        for (DemoCatalog.DemoBundle b : catalog.bundles() == null ? List.<DemoCatalog.DemoBundle>of()
                : catalog.bundles()) {
            Bundle bundle = bundles.findById(b.code()).orElseGet(() -> bundleService.create(b.code(), b.name(),
                    b.description(), b.leadDepartment(), b.members(), LOADER.username()));
            // a bundle an admin submitted for review on the running stack waits for its reviewer
            if (bundle.status() != BundleStatus.IN_REVIEW && (bundle.status() != BundleStatus.PUBLISHED
                    || !bundle.publishedWith(bundleService.currentMembers(bundle)))) {
                try {
                    bundleService.publish(LOADER, b.code(), null);
                    bundlesPublished++;
                } catch (DomainException e) {
                    // e.g. an admin suspended a member on the running stack: their decision stands
                    log.warn("demo bundle {} not published: {}", b.code(), e.getMessage());
                }
            }
        }
        return new Summary(departmentsCreated, itemsChanged, outcomes, bundlesPublished);
    }

    DemoCatalog read() {
        String location = properties.demoData().location();
        DemoCatalog catalog;
        try (InputStream in = resources.getResource(location).getInputStream()) {
            catalog = json.readValue(in, DemoCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo catalog " + location, e);
        }
        Set<ConstraintViolation<DemoCatalog>> violations = validator.validate(catalog);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the demo catalog " + location + " is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
        }
        return catalog;
    }
}
