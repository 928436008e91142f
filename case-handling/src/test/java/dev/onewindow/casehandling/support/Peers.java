package dev.onewindow.casehandling.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * WireMock stand-ins for service-catalog and e-license, started once per test JVM on fixed ports (so the one Spring
 * context keeps its URLs even when a test stops e-license and starts it again). Stub shapes follow
 * docs/service-contracts.md exactly; see {@link Stubs}.
 */
public final class Peers {

    private static WireMockServer catalog;
    private static WireMockServer elicense;
    private static int elicensePort;

    private Peers() {
    }

    public static synchronized WireMockServer catalog() {
        if (catalog == null) {
            catalog = started(0);
        }
        return catalog;
    }

    public static synchronized WireMockServer elicense() {
        if (elicense == null || !elicense.isRunning()) {
            elicense = started(elicensePort);
            elicensePort = elicense.port();
        }
        return elicense;
    }

    /** A real outage: nothing listens on e-license's port until {@link #elicense()} starts it again. */
    public static synchronized void stopELicense() {
        elicense().stop();
    }

    public static String catalogUrl() {
        return "http://127.0.0.1:" + catalog().port();
    }

    public static String elicenseUrl() {
        return "http://127.0.0.1:" + elicense().port();
    }

    private static WireMockServer started(int port) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .port(port).containerThreads(20).jettyStopTimeout(1000L));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-shutdown"));
        return server;
    }
}
