package dev.onewindow.catalog;

import dev.onewindow.platform.testkit.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the catalog's integration tests over HTTP share: the running service's port, a client for it, and the demo
 * departments every entry and bundle refers to (loaded idempotently before each test). Subclasses carry their own
 * {@code @IntegrationTest} (and any property of their own).
 */
public abstract class CatalogApiTest {

    @LocalServerPort
    protected int port;

    protected ApiClient api() {
        return ApiClient.localPort(port);
    }

    @BeforeEach
    protected void departments() {
        Fixtures.departments(api());
    }
}
