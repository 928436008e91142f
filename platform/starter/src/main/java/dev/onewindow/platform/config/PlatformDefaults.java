package dev.onewindow.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code onewindow-defaults.properties} behind every other property source, so each service starts with the
 * house settings (strict JSON, probes, metrics tags, Kafka durability, local-stack endpoints) and can still
 * override any of them in its own {@code application.yml} or the environment. With the {@code local} profile active
 * (the local stack, the tests, the demo) {@code onewindow-local-defaults.properties} comes first: development values
 * of the secrets that have no default anywhere else (see {@link RequiredSetting}).
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    /** The profile of the local stack, the tests and the demo: the only one with development secrets. */
    public static final String LOCAL_PROFILE = "local";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            addLast(environment, "onewindow-local-defaults");
        }
        addLast(environment, "onewindow-defaults");
    }

    private static void addLast(ConfigurableEnvironment environment, String name) {
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader().load(name,
                    new ClassPathResource(name + ".properties"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
