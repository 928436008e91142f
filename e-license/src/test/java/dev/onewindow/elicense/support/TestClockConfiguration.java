package dev.onewindow.elicense.support;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Test sources only: picked up by the application's component scan in every test context alike (so the one shared
 * context stays shared), it replaces the system clock with one the tests can move forward.
 */
@Configuration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    AdjustableClock adjustableClock() {
        return AdjustableClock.INSTANCE;
    }
}
