package dev.onewindow.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite as a user meets it: started with {@code deploy/local/up.sh} unless it already runs (a developer's
 * running stack is reused), and stopped again at the end only if these tests started it.
 */
final class LocalStack {

    static final String GATEWAY = "http://localhost:8080";
    static final String KEYCLOAK = "http://localhost:8180";
    static final String KAFKA = "127.0.0.1:9092";

    private static boolean started;
    private static boolean startedHere;

    private LocalStack() {
    }

    static synchronized void ensureUp() {
        if (started) {
            return;
        }
        boolean running = gatewayAnswers();
        if (running && !repo().resolve("deploy/local/.run/gateway.pid").toFile().exists()) {
            // the scenarios stop and restart parts of the stack by this checkout's PID files
            throw new AssertionError("a OneWindow stack started from another checkout is using ports 8080/8180/9092;"
                    + " stop it with that checkout's deploy/local/down.sh, or run the tests from it");
        }
        if (!running) {
            run(Duration.ofMinutes(15), "deploy/local/up.sh");
            startedHere = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run(Duration.ofMinutes(2), "deploy/local/down.sh"),
                    "local-stack-down"));
        }
        resetClock(); // an offset left by an interrupted run would shift every deadline of these tests
        started = true;
    }

    /**
     * Lets time pass for every service of the stack at once: {@code deploy/local/clock.sh} moves the offset all of
     * them read (the local profile's shared clock), and they see it within a fraction of a second.
     */
    static void advanceClock(Duration by) {
        run(Duration.ofSeconds(30), "deploy/local/clock.sh", "advance", by.toSeconds() + "s");
        try {
            Thread.sleep(500); // the services re-read the offset at most every 200 ms
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Back to real time. */
    static void resetClock() {
        run(Duration.ofSeconds(30), "deploy/local/clock.sh", "reset");
    }

    /** Stops and starts the stack again, keeping its data (used to prove that data survives a restart). */
    static void restart() {
        run(Duration.ofMinutes(2), "deploy/local/down.sh");
        run(Duration.ofMinutes(15), "deploy/local/up.sh");
    }

    /** Stops one service by the PID up.sh recorded, as an outage would; {@link #startServices()} brings it back. */
    static void stopService(String name) {
        Path pidFile = repo().resolve("deploy/local/.run/" + name + ".pid");
        try {
            long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroy();
                process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void startServices() {
        run(Duration.ofMinutes(5), "deploy/local/up.sh");
    }

    private static boolean gatewayAnswers() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(GATEWAY + "/actuator/health")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(Duration timeout, String... command) {
        Path repo = repo();
        File log = repo.resolve("e2e/target/local-stack.log").toFile();
        log.getParentFile().mkdirs();
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(repo.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "); see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean startedByTests() {
        return startedHere;
    }

    static Path repo() {
        String configured = System.getProperty("onewindow.repo");
        Path candidate = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        return candidate.resolve("deploy/local/up.sh").toFile().exists() ? candidate : candidate.getParent();
    }
}
