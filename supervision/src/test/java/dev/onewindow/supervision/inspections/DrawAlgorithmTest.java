package dev.onewindow.supervision.inspections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The draw is a function of seed and rosters: same inputs, same selection; the rules of 回避 and departments hold. */
class DrawAlgorithmTest {

    private static final List<DrawAlgorithm.Entity> ENTITIES = new ArrayList<>();
    private static final List<DrawAlgorithm.Inspector> INSPECTORS = List.of(
            new DrawAlgorithm.Inspector("a", "SCJGJ", List.of("U05")),
            new DrawAlgorithm.Inspector("b", "SCJGJ", List.of()),
            new DrawAlgorithm.Inspector("c", "SCJGJ", List.of()),
            new DrawAlgorithm.Inspector("d", "WSJKW", List.of("U05")));

    static {
        for (int i = 10; i < 30; i++) {
            ENTITIES.add(new DrawAlgorithm.Entity("U" + i, "SHOP", "341302"));
        }
        ENTITIES.add(new DrawAlgorithm.Entity("U05", "SHOP", "341302"));
    }

    @Test
    void theSameSeedAndRostersGiveTheSameSelectionInAnyRosterOrder() {
        List<DrawAlgorithm.Entity> shuffled = new ArrayList<>(ENTITIES);
        java.util.Collections.reverse(shuffled);
        List<DrawAlgorithm.Inspector> reversed = new ArrayList<>(INSPECTORS);
        java.util.Collections.reverse(reversed);
        var first = DrawAlgorithm.draw("seed-1", ENTITIES, INSPECTORS, new BigDecimal("0.2"), 2, true);
        var again = DrawAlgorithm.draw("seed-1", shuffled, reversed, new BigDecimal("0.2"), 2, true);
        assertThat(again).isEqualTo(first);
        // ceil(21 × 0.2) = 5 entities
        assertThat(first).hasSize(5);
        assertThat(DrawAlgorithm.draw("seed-2", ENTITIES, INSPECTORS, new BigDecimal("0.2"), 2, true))
                .isNotEqualTo(first);
    }

    @Test
    void conflictedInspectorsAreSkippedAndTwoDepartmentsAreTaken() {
        List<DrawAlgorithm.Entity> withoutU05 = ENTITIES.stream().filter(e -> !e.uscc().equals("U05")).toList();
        for (int s = 0; s < 50; s++) {
            for (DrawAlgorithm.Assignment a : DrawAlgorithm.draw("seed-" + s, ENTITIES, INSPECTORS, BigDecimal.ONE,
                    2, false)) {
                if (a.uscc().equals("U05")) {
                    assertThat(a.inspectors()).doesNotContain("a", "d");
                }
            }
            // d is the only inspector of WSJKW: with two departments required every entity gets d
            for (DrawAlgorithm.Assignment a : DrawAlgorithm.draw("seed-" + s, withoutU05, INSPECTORS,
                    BigDecimal.ONE, 2, true)) {
                assertThat(a.inspectors()).as(a.toString()).contains("d").hasSize(2);
            }
        }
    }

    @Test
    void anEntityOnlyOneDepartmentMayInspectFailsTheDrawWhenTwoAreRequired() {
        assertThatThrownBy(() -> DrawAlgorithm.draw("seed", ENTITIES, INSPECTORS, BigDecimal.ONE, 2, true))
                .isInstanceOf(DrawAlgorithm.InsufficientInspectors.class).hasMessageContaining("U05");
    }

    @Test
    void theRosterHashIsTheHashOfTheCanonicalText() {
        assertThat(DrawAlgorithm.inspectorsText(INSPECTORS.subList(0, 2))).isEqualTo("a|SCJGJ|U05\nb|SCJGJ|\n");
        assertThat(DrawAlgorithm.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
