package dev.onewindow.casehandling.support;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Wires the shared peer stubs and the controllable clock into the context — the same for every integration test,
 * so they all share one context.
 */
public class CaseHandlingTestSetup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("case-handling-peers", Map.of(
                "onewindow.casehandling.catalog-url", Peers.catalogUrl(),
                "onewindow.casehandling.elicense-url", Peers.elicenseUrl())));
        ((GenericApplicationContext) context).registerBean("testClock", Clock.class, () -> TestClock.INSTANCE,
                definition -> definition.setPrimary(true));
    }
}
