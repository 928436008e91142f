package dev.onewindow.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.onewindow.platform.domain.ConflictException;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skeleton every Kafka listener shares, written once: read the envelope, pick the handler for its type (other
 * types are not for this consumer), read the data into the consumer's own record, and apply the consumer's rule with
 * the event as the cause of whatever the rule registers ({@link EventContext}). A listener keeps only its rule:
 *
 * <pre>{@code
 * handlers = EventHandlers.using(events)
 *         .on("license.issued", LicenseIssued.class, (event, issued) -> cases.completeWithLicense(...));
 *
 * @KafkaListener(topics = TOPIC, groupId = "case-handling.completion")
 * void on(String record) { handlers.handle(record); }
 * }</pre>
 *
 * <p>Idempotency stays with the rule, where the state is: the aggregate or projection applies an event once per
 * source sequence ({@link SequenceGuard}, or a state transition that a redelivery finds already made), and saves are
 * optimistically locked ({@link OptimisticRetry}).
 *
 * <p>What the domain refuses is sorted once for every consumer:
 * <ul>
 * <li>a {@link ConflictException}: the record has moved on (already completed, superseded): a redelivery or a late
 *     event. Logged and skipped — retrying cannot change it, and it is not an operator's problem.</li>
 * <li>an {@link UnavailableException}: something the rule needs cannot answer now. Thrown on, so the container
 *     retries and finally dead-letters it.</li>
 * <li>any other refusal (invalid data, an unknown record): the event can never be applied. A
 *     {@link MalformedEventException}, dead-lettered at once without retries. Only its code is logged: the detail
 *     may describe personal data.</li>
 * </ul>
 */
public final class EventHandlers {

    private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

    private final EventReader reader;
    private final Map<String, BiConsumer<IncomingEvent, String>> byType = new LinkedHashMap<>();

    private EventHandlers(EventReader reader) {
        this.reader = reader;
    }

    public static EventHandlers using(EventReader reader) {
        return new EventHandlers(reader);
    }

    /** Handles events of {@code type}: their data read as {@code dataType}, then {@code rule} applied. */
    public <T> EventHandlers on(String type, Class<T> dataType, BiConsumer<IncomingEvent, T> rule) {
        if (byType.putIfAbsent(type, (event, ignored) -> rule.accept(event, reader.data(event, dataType))) != null) {
            throw new IllegalArgumentException("a handler for " + type + " is registered already");
        }
        return this;
    }

    /** Whether this consumer handles events of {@code type}. */
    public boolean handles(String type) {
        return byType.containsKey(type);
    }

    /** Applies the record's event if this consumer handles its type; see the class comment for refusals. */
    public void handle(String record) {
        IncomingEvent event = reader.read(record);
        BiConsumer<IncomingEvent, String> handler = byType.get(event.type());
        if (handler == null) {
            return;
        }
        try {
            EventContext.causedBy(event, () -> {
                handler.accept(event, null);
                return null;
            });
        } catch (ConflictException moved) {
            log.warn("{} {} of {} {} not applied: {} ({})", event.type(), event.id(), event.aggregateType(),
                    event.aggregateId(), moved.code(), moved.getMessage());
        } catch (UnavailableException transientFailure) {
            throw transientFailure;
        } catch (DomainException refused) {
            throw new MalformedEventException(event.type() + " " + event.id() + " of " + event.aggregateType() + " "
                    + event.aggregateId() + " cannot be applied: " + refused.code() + " "
                    + refused.properties().keySet(), refused);
        }
    }
}
