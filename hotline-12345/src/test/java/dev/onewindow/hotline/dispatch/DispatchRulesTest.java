package dev.onewindow.hotline.dispatch;

import java.util.List;
import java.util.Map;

import dev.onewindow.hotline.category.Category;
import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.hotline.config.HotlineProperties.Dispatch.Rule;
import dev.onewindow.platform.domain.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 派单 rules: the most specific rule wins, the region's government takes what no rule names (兜底). */
class DispatchRulesTest {

    private static final Category NIGHT_NOISE = new Category("ENV-NOISE-SOCIAL", "社会生活噪声",
            List.of("ENV", "ENV-NOISE", "ENV-NOISE-SOCIAL"), List.of(), true);
    private static final Category ROAD = new Category("CITY-ROAD", "道路设施", List.of("CITY", "CITY-ROAD"), List.of(),
            true);

    private static DispatchRules rules(List<Rule> rules, Map<String, String> fallback) {
        return new DispatchRules(new HotlineProperties(null, null, null,
                new HotlineProperties.Dispatch(rules, fallback), null, null, null, null, null, null));
    }

    @Test
    void theDeepestCategoryThenTheNarrowestRegionWins() {
        DispatchRules dispatch = rules(List.of(
                new Rule("ENV", "341300", "SJZYJ", null),
                new Rule("ENV-NOISE", "341300", "GAJ", List.of("ZRZYJ")),
                new Rule("ENV-NOISE", "341302", "YQQZF", null)), Map.of());
        assertThat(dispatch.decide(NIGHT_NOISE, "341302")).isEqualTo(new DispatchRules.Decision("YQQZF", List.of(),
                "RULE"));
        assertThat(dispatch.decide(NIGHT_NOISE, "341321")).isEqualTo(new DispatchRules.Decision("GAJ",
                List.of("ZRZYJ"), "RULE"));
    }

    @Test
    void withoutARuleTheNearestGovernmentAboveTheRegionTakesIt() {
        DispatchRules dispatch = rules(List.of(new Rule("ENV", "341300", "GAJ", null)),
                Map.of("341300", "SJZYJ", "341302", "YQQZF"));
        assertThat(dispatch.decide(ROAD, "341302").lead()).isEqualTo("YQQZF");
        assertThat(dispatch.decide(ROAD, "341302").by()).isEqualTo("FALLBACK");
        assertThat(dispatch.decide(ROAD, "341321").lead()).isEqualTo("SJZYJ");
        // a rule for another region does not apply
        assertThat(rules(List.of(new Rule("CITY", "341302", "YQQZF", null)), Map.of("341300", "SJZYJ"))
                .decide(ROAD, "341321").lead()).isEqualTo("SJZYJ");
    }

    @Test
    void withNeitherTheDispatcherMustNameTheDepartment() {
        assertThatThrownBy(() -> rules(List.of(), Map.of()).decide(ROAD, "341302"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("name the department");
    }
}
