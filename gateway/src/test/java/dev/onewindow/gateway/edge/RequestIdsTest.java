package dev.onewindow.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "app-7f3a.2:b_c", "550e8400-e29b-41d4-a716-446655440000",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void plainShortIdsAreKept(String id) {
        assertThat(RequestIds.isSafe(id)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"<script>", "a b", "id\nX-Injected: 1", "中文", "a/b", "a%20b",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void anythingElseIsReplaced(String id) {
        assertThat(RequestIds.isSafe(id)).isFalse();
    }

    @Test
    void generatedIdsAreDistinctVersion4Uuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RequestIds.generate();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(RequestIds.isSafe(id)).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }
}
