package dev.onewindow.platform.testkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * For a benchmark that runs a service in-process (add this class to its {@code SpringApplicationBuilder}): measures,
 * inside the service, each request's total time and the part spent in Mongo commands, per step named by the client in
 * the {@link #STEP_HEADER} header. The synchronous driver runs a command on the request's own thread, so a
 * thread-local sum of the command listener's elapsed times is that request's Mongo time (the outbox relay's and the
 * Kafka listeners' commands run on their own threads and are counted only in {@link #commands()}). The filter runs
 * first of all, so token validation counts as the service's own time too.
 */
@Configuration(proxyBeanMethods = false)
public class ServerTimings {

    /** The request header a benchmark's client names its step in. */
    public static final String STEP_HEADER = "X-Bench-Step";

    /** Mongo time and command count of the current request thread. */
    private static final ThreadLocal<long[]> MONGO = ThreadLocal.withInitial(() -> new long[2]);
    /** Per Mongo command name (find, update, insert …): count and nanos, all threads. */
    private static final Map<String, long[]> COMMANDS = new ConcurrentHashMap<>();
    /** Per step: {server nanos, Mongo nanos, Mongo commands} of each request. */
    private static final Map<String, ConcurrentLinkedQueue<long[]>> SERVER = new ConcurrentHashMap<>();

    /** Forgets everything measured so far. */
    public static void clear() {
        SERVER.clear();
        COMMANDS.clear();
    }

    /** Forgets the requests of every step but {@code step}. */
    public static void keepOnly(String step) {
        SERVER.keySet().removeIf(k -> !k.equals(step));
    }

    /** The requests of {@code step} measured so far: {server nanos, Mongo nanos, Mongo commands} each. */
    public static List<long[]> of(String step) {
        return new ArrayList<>(SERVER.getOrDefault(step, new ConcurrentLinkedQueue<>()));
    }

    /** The Mongo commands of all threads, busiest first, as {@code " find 120× avg 0.41 ms;"} … (handshakes left out). */
    public static String commands() {
        StringBuilder line = new StringBuilder();
        COMMANDS.entrySet().stream().filter(e -> !e.getKey().equals("hello") && !e.getKey().equals("isMaster"))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .forEach(e -> line.append(String.format(" %s %d× avg %.2f ms;", e.getKey(), e.getValue()[0],
                        e.getValue()[1] / 1e6 / Math.max(1, e.getValue()[0]))));
        return line.toString();
    }

    /** The {@code percentile} of sorted nanosecond latencies, in milliseconds (nearest rank; 0 when none). */
    public static double percentileMillis(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1,
                (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1)] / 1e6;
    }

    @Bean
    MongoClientSettingsBuilderCustomizer mongoCommandTimer() {
        return settings -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                long nanos = event.getElapsedTime(TimeUnit.NANOSECONDS);
                count(nanos);
                long[] total = COMMANDS.computeIfAbsent(event.getCommandName(), c -> new long[2]);
                synchronized (total) {
                    total[0]++;
                    total[1] += nanos;
                }
            }

            @Override
            public void commandFailed(CommandFailedEvent event) {
                count(event.getElapsedTime(TimeUnit.NANOSECONDS));
            }

            private void count(long nanos) {
                long[] mine = MONGO.get();
                mine[0] += nanos;
                mine[1]++;
            }
        });
    }

    @Bean
    FilterRegistrationBean<Filter> benchTimer() {
        Filter timer = (request, response, chain) -> {
            String step = ((HttpServletRequest) request).getHeader(STEP_HEADER);
            long[] mongo = MONGO.get();
            mongo[0] = 0;
            mongo[1] = 0;
            long started = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                if (step != null) {
                    SERVER.computeIfAbsent(step, s -> new ConcurrentLinkedQueue<>())
                            .add(new long[] {System.nanoTime() - started, mongo[0], mongo[1]});
                }
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(timer);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
