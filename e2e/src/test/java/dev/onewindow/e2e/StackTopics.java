package dev.onewindow.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record on every topic of the stack's Kafka, read from the beginning to the end as it is now — to prove that
 * no service put personal data on a topic in clear: no valid 18-digit 公民身份号码 (GB 11643, check digit right) and no
 * 11-digit mainland mobile number, wherever in an event it would be.
 */
final class StackTopics {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";

    private StackTopics() {
    }

    /**
     * Fails, naming the topic and the event, if any record carries an ID number or a mobile number in clear — those
     * of {@code known} (the ones the scenarios used) or any other.
     */
    static void assertNoRawIdNumberOrMobile(String... known) {
        List<ConsumerRecord<String, String>> records = readAll();
        assertThat(records).as("the stack's topics have events").isNotEmpty();
        for (ConsumerRecord<String, String> record : records) {
            String value = record.value() == null ? "" : record.value();
            assertThat(personalDataIn(value, known)).as("personal data in clear on %s offset %d: %s", record.topic(),
                    record.offset(), value).isEmpty();
        }
    }

    /** The ID numbers and mobile numbers in clear in {@code text}: those of {@code known}, and any other. */
    static List<String> personalDataIn(String text, String... known) {
        List<String> found = new ArrayList<>();
        for (String raw : known) {
            if (text.contains(raw)) {
                found.add(raw);
            }
        }
        Matcher id = ID_NUMBER.matcher(text);
        while (id.find()) {
            if (validIdNumber(id.group())) {
                found.add(id.group());
            }
        }
        Matcher mobile = MOBILE.matcher(text);
        while (mobile.find()) {
            found.add(mobile.group());
        }
        return found;
    }

    private static boolean validIdNumber(String candidate) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (candidate.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(candidate.charAt(17)) == CHECK_DIGITS.charAt(sum % 11);
    }

    private static List<ConsumerRecord<String, String>> readAll() {
        Map<String, Object> connection = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(connection)) {
            var names = admin.listTopics().names().get();
            admin.describeTopics(names).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-privacy-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(Instant.now()).as("read every topic to its end within 60 s").isBefore(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
