package dev.onewindow.supervision.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.supervision.inspections.DrawAlgorithm;
import dev.onewindow.supervision.inspections.Inspection;
import dev.onewindow.supervision.inspections.InspectionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * LOCAL PROFILE ONLY ({@code onewindow.supervision.demo.enabled}): one announced 双随机 inspection, once (its id is
 * fixed, so a second start or a second instance finds it), so a supervisor can draw on a fresh local stack. Its
 * rosters: 12 inspectable enterprises of the city and the 埇桥 district (valid USCCs: check characters per GB
 * 32100-2015; food shops and restaurants) and 7 inspectors of 市场监管局 and 卫健委, one of whom declared a conflict
 * (回避) with one enterprise. The draw takes a quarter of the enterprises, two inspectors each from two departments.
 */
@Component
@ConditionalOnProperty(name = "onewindow.supervision.demo.enabled", havingValue = "true")
public class DemoData {

    /** The demo inspection's id (what a supervisor draws: {@code POST /api/v1/supervision/inspections/{id}/draw}). */
    public static final String INSPECTION_ID = "5d3f0a1e-7c2b-4e59-9a41-2b8c6d0e1f37";
    /** The inspector who declared a conflict, and the enterprise it is with. */
    public static final String CONFLICTED_INSPECTOR = "scjgj-insp-02";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final InspectionRepository inspections;
    private final Clock clock;

    public DemoData(InspectionRepository inspections, Clock clock) {
        this.inspections = inspections;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        if (inspections.existsById(INSPECTION_ID)) {
            return;
        }
        List<DrawAlgorithm.Entity> entities = entities();
        List<DrawAlgorithm.Inspector> inspectors = List.of(
                new DrawAlgorithm.Inspector("scjgj-insp-01", "SCJGJ", List.of()),
                new DrawAlgorithm.Inspector(CONFLICTED_INSPECTOR, "SCJGJ", List.of(conflicted())),
                new DrawAlgorithm.Inspector("scjgj-insp-03", "SCJGJ", List.of()),
                new DrawAlgorithm.Inspector("scjgj-insp-04", "SCJGJ", List.of()),
                new DrawAlgorithm.Inspector("wsjkw-insp-01", "WSJKW", List.of()),
                new DrawAlgorithm.Inspector("wsjkw-insp-02", "WSJKW", List.of()),
                new DrawAlgorithm.Inspector("wsjkw-insp-03", "WSJKW", List.of()));
        LocalDate today = clock.instant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
        Inspection.Plan plan = new Inspection.Plan("SPJY-SHJC-2026", "食品经营单位事中事后监督检查（演示）", "341300",
                "SCJGJ", entities, inspectors, new BigDecimal("0.25"), 2, true, today.plusDays(30));
        try {
            inspections.insert(Inspection.announce(INSPECTION_ID, plan, clock.instant()));
            log.info("demo data: inspection {} announced ({} enterprises, {} inspectors)", INSPECTION_ID,
                    entities.size(), inspectors.size());
        } catch (DuplicateKeyException loadedMeanwhile) {
            // another instance announced it first
        }
    }

    /** 12 enterprises: 8 in the district (341302), 4 in the city proper (341300). */
    static List<DrawAlgorithm.Entity> entities() {
        List<DrawAlgorithm.Entity> entities = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            String region = n <= 8 ? "341302" : "341300";
            entities.add(new DrawAlgorithm.Entity(uscc(region, n), n % 3 == 0 ? "RESTAURANT" : "FOOD_SHOP", region));
        }
        return entities;
    }

    /** The enterprise {@link #CONFLICTED_INSPECTOR} may not inspect. */
    static String conflicted() {
        return uscc("341302", 3);
    }

    /** A USCC of a company (91) registered in {@code region}, numbered {@code n}, with its check character. */
    static String uscc(String region, int n) {
        String first17 = "91" + region + "MA" + String.format("%07d", 2_600_000 + n);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
