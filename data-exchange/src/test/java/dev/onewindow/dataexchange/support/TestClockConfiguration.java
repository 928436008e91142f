package dev.onewindow.dataexchange.support;

import java.time.Clock;

import dev.onewindow.platform.testkit.SettableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Test sources only: picked up by the application's component scan in every test context alike (so the one shared
 * context stays shared), it replaces the system clock with one the tests can set.
 */
@Configuration(proxyBeanMethods = false)
public class TestClockConfiguration {

    public static final SettableClock CLOCK = new SettableClock();

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }
}
