package dev.onewindow.supervision.inspections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The data of the inspection aggregate's events (topic {@code supervision.inspection.events.v1}, key = inspection
 * id): what 一公开 publishes — enterprises by USCC, inspectors by their staff id — never a person's name or number.
 */
public final class InspectionEvents {

    private InspectionEvents() {
    }

    /** The draw was made: seed revealed, rosters' hashes, the selection; enough to re-run it. */
    public record Drawn(String inspectionId, String itemCode, String region, String department, String algorithm,
            String seedHash, String seed, String entitiesHash, String inspectorsHash, String ratio,
            int inspectorsPerEntity, boolean distinctDepartments, List<Selected> selection, LocalDate endsOn,
            Instant publicationDueAt, Instant drawnAt) {
    }

    /** One drawn entity and its inspectors. */
    public record Selected(String uscc, List<String> inspectors) {
    }

    /** The results were published (一公开). */
    public record ResultPublished(String inspectionId, String itemCode, String region, String department,
            List<Result> results, boolean onTime, Instant publishedAt) {
    }

    /** One entity's outcome. */
    public record Result(String uscc, Outcome outcome) {
    }
}
