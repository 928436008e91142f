package dev.onewindow.casehandling.cases.messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event a case registers may move a bundle member, so the bundle listener handles each contracted type. */
class BundleProgressListenerTest {

    @Test
    void everyCaseEventWithAContractIsHandled() throws IOException {
        try (Stream<Path> contracts = Files.list(Path.of("src/main/resources/contracts/events"))) {
            assertThat(BundleProgressListener.CASE_EVENTS).containsExactlyInAnyOrderElementsOf(contracts
                    .map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".schema.json"))
                    .map(name -> name.substring(0, name.length() - ".schema.json".length())).toList());
        }
    }
}
