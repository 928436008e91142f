package dev.onewindow.bench;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's stand-in for a OneWindow service: Spring Boot, Spring MVC on Tomcat, as every service runs, with one
 * endpoint that checks nothing (no security, no database), so the numbers measure the proxies, not a service.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(BenchBootBackend.Ping.class)
public class BenchBootBackend {

    public static void main(String[] args) {
        SpringApplication.run(BenchBootBackend.class, args);
    }

    @RestController
    static class Ping {
        private static final Map<String, String> OK = Map.of("status", "ok", "service", "case-handling");

        @GetMapping("/api/v1/cases/ping")
        Map<String, String> ping() {
            return OK;
        }
    }
}
