package dev.onewindow.casehandling;

import dev.onewindow.platform.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The package rules every service keeps ({@link ServiceArchitecture}), checked on this service's compiled classes:
 * the domain (every package but web, messaging, clients and config) knows no web, HTTP, Feign, Kafka, API-docs or
 * problem type and none of the adapters — no exemption for {@code @Service} classes; only the web layer uses the web
 * layer; features have no cycles; controllers answer their own records, which hold no domain type but enums.
 */
class ArchitectureTest {

    @Test
    void theServiceKeepsThePlatformsPackageRules() {
        ServiceArchitecture.of("dev.onewindow.casehandling").check();
    }
}
