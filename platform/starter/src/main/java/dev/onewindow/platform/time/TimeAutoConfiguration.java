package dev.onewindow.platform.time;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The one source of "now" of a service: real time, or — in the local stack and end-to-end runs only — real time plus
 * the offset all services read from {@value #OFFSET_FILE} ({@link SharedOffsetClock}). A service started with that
 * setting under any other profile refuses to start, whichever clock it uses: a production service must never have a
 * clock someone can move.
 */
@AutoConfiguration
public class TimeAutoConfiguration {

    public static final String OFFSET_FILE = "onewindow.time.shared-offset-file";
    static final Profiles TEST_PROFILES = Profiles.of("local | e2e");

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(Environment environment) {
        String file = offsetFile(environment);
        return file == null ? Clock.systemUTC() : new SharedOffsetClock(Path.of(file), Clock.systemUTC());
    }

    /** Runs whether or not {@link #clock} does (a service may bring its own clock). */
    @Bean
    static SharedClockGuard sharedClockGuard(Environment environment) {
        offsetFile(environment);
        return new SharedClockGuard();
    }

    /** The offset file, or {@code null}; refuses the setting outside the test profiles. */
    private static String offsetFile(Environment environment) {
        String file = environment.getProperty(OFFSET_FILE);
        if (file == null || file.isBlank()) {
            return null;
        }
        if (!environment.acceptsProfiles(TEST_PROFILES)) {
            throw new IllegalStateException(OFFSET_FILE + " moves the clock for tests: it is allowed only with the "
                    + "local or e2e profile, and the active profiles are " + String.join(",",
                    environment.getActiveProfiles()) + "; remove the setting");
        }
        return file;
    }

    /** Marks that the offset setting was checked. */
    static final class SharedClockGuard {
    }
}
