package dev.onewindow.elicense;

import java.util.Map;

import dev.onewindow.elicense.support.Fixtures;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The face check case-handling runs before it accepts an application whose result is a licence: the same rule as
 * issuing from a case approval, answered without a token and without storing anything.
 */
@IntegrationTest
class LicenseTypeCheckIT {

    @LocalServerPort
    int port;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @Test
    void aFittingFaceIsConfirmedAndFieldsTheTypeDoesNotHaveAreIgnored() {
        Map<String, Object> fields = Fixtures.spjyxkz();
        fields.put("shopSign", "老张小吃"); // a form field the licence does not print
        Response response = api().post("/api/v1/licenses/types/SPJYXKZ/check").json(Map.of("fields", fields)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("typeCode").asString()).isEqualTo("SPJYXKZ");
        assertThat(response.json().get("fits").asBoolean()).isTrue();
    }

    @Test
    void aMissingOrMalformedFieldIsNamedInTheProblem() {
        Map<String, Object> fields = Fixtures.spjyxkz();
        fields.remove("operatorName");
        fields.put("uscc", "91341302MA2T4K7B8X"); // wrong check character
        Response response = api().post("/api/v1/licenses/types/SPJYXKZ/check").json(Map.of("fields", fields)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_LICENSE_FIELDS");
        assertThat(response.json().get("errors").values().stream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("fields.operatorName", "fields.uscc");
    }

    @Test
    void anUnknownTypeIsNotFound() {
        Response response = api().post("/api/v1/licenses/types/NOPE/check").json(Map.of("fields", Map.of())).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }
}
