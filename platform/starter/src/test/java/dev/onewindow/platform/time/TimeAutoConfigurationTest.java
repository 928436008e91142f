package dev.onewindow.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every service reads, and the guard that keeps the movable one out of production. */
class TimeAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TimeAutoConfiguration.class));

    @TempDir
    Path dir;

    @Test
    void withoutTheSettingTheClockIsRealTime() {
        runner.run(context -> assertThat(context.getBean(Clock.class).instant())
                .isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5)));
    }

    @Test
    void inTheLocalAndE2eProfilesEveryClockOnTheFileMovesWhenTheFileChanges() throws Exception {
        Path file = dir.resolve("clock-offset");
        for (String profile : new String[] {"local", "e2e"}) {
            Files.writeString(file, "0");
            runner.withPropertyValues(TimeAutoConfiguration.OFFSET_FILE + "=" + file,
                    "spring.profiles.active=" + profile).run(context -> {
                        Clock clock = context.getBean(Clock.class);
                        Clock sibling = new SharedOffsetClock(file, Clock.systemUTC());
                        assertThat(clock).isInstanceOf(SharedOffsetClock.class);

                        Files.writeString(file, String.valueOf(Duration.ofDays(3).toSeconds()));
                        Thread.sleep(SharedOffsetClock.RECHECK.toMillis() + 50);

                        Instant threeDaysOn = Instant.now().plus(Duration.ofDays(3));
                        assertThat(clock.instant()).isBetween(threeDaysOn.minusSeconds(5), threeDaysOn.plusSeconds(5));
                        assertThat(sibling.instant()).isBetween(threeDaysOn.minusSeconds(5),
                                threeDaysOn.plusSeconds(5));
                    });
        }
    }

    @Test
    void anUnreadableFileKeepsTheOffsetInForce() throws Exception {
        Path file = dir.resolve("clock-offset");
        Files.writeString(file, "3600");
        SharedOffsetClock clock = new SharedOffsetClock(file, Clock.systemUTC());
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(1));

        Files.writeString(file, "one day");
        Thread.sleep(SharedOffsetClock.RECHECK.toMillis() + 50);

        assertThat(clock.offset()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void outsideTheTestProfilesAServiceWithTheSettingRefusesToStart() {
        String setting = TimeAutoConfiguration.OFFSET_FILE + "=" + dir.resolve("clock-offset");
        runner.withPropertyValues(setting).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("allowed only with the local or e2e profile"));
        runner.withPropertyValues(setting, "spring.profiles.active=prod").run(context ->
                assertThat(context).hasFailed());
    }

    @Test
    void aServiceBringingItsOwnClockIsRefusedTheSettingToo() {
        runner.withUserConfiguration(OwnClock.class)
                .withPropertyValues(TimeAutoConfiguration.OFFSET_FILE + "=" + dir.resolve("clock-offset"))
                .run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClock {
        @Bean
        Clock ownClock() {
            return Clock.systemUTC();
        }
    }
}
