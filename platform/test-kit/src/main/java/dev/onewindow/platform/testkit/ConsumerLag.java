package dev.onewindow.platform.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a consumer group has committed everything on a topic — the honest way for a test to know that a
 * consumer has handled a record (including one it should have skipped), instead of sleeping.
 */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    public static void awaitCaughtUp(String groupId, String topic, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers()))) {
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get();
                boolean caughtUp = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue()));
                if (caughtUp) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("group " + groupId + " did not catch up on " + topic + " within "
                            + timeout + ": end offsets " + ends + ", committed " + committed);
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
