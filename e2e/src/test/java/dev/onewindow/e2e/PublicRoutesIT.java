package dev.onewindow.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's public routes are exactly the operations the services declare public: every operation of every
 * service's API document (read through the gateway), called anonymously through the gateway, is refused with 401
 * unless the document marks it public — and a public one is never refused for want of a token.
 */
class PublicRoutesIT {

    private static final List<String> SERVICES = List.of("service-catalog", "case-handling", "e-license",
            "data-exchange", "hotline-12345", "evaluation", "supervision");

    private final ApiClient gateway = ApiClient.at(LocalStack.GATEWAY);

    @BeforeAll
    static void stack() {
        LocalStack.ensureUp();
    }

    @Test
    void anonymousCallersReachExactlyThePublicOperations() {
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        int open = 0;
        for (String service : SERVICES) {
            JsonNode doc = gateway.get("/v3/api-docs/" + service).send().json();
            assertThat(doc.path("paths").size()).as(service + " document").isPositive();
            for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
                for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                    if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                        continue;
                    }
                    operations++;
                    boolean declaredPublic = method.getValue().path("x-public").asBoolean(false);
                    open += declaredPublic ? 1 : 0;
                    String target = path.getKey().replaceAll("\\{[^}]+}", "E2EPROBE1");
                    Response answer = call(method.getKey(), target);
                    boolean refused = answer.status() == 401;
                    if (declaredPublic == refused) {
                        wrong.add(method.getKey().toUpperCase() + " " + path.getKey() + " ("
                                + (declaredPublic ? "public" : "not public") + "): " + answer.status());
                    }
                    if (refused) {
                        assertThat(answer.contentType()).startsWith("application/problem+json");
                    }
                }
            }
        }
        assertThat(wrong).as("operations whose anonymous answer through the gateway contradicts their document")
                .isEmpty();
        assertThat(operations).isGreaterThan(50);
        assertThat(open).isGreaterThan(10);
    }

    private Response call(String method, String target) {
        return switch (method) {
            case "get" -> gateway.get(target).send();
            case "put" -> gateway.put(target).json("{}").send();
            case "patch" -> gateway.patch(target).json("{}").send();
            case "delete" -> gateway.delete(target).send();
            default -> gateway.post(target).json("{}").send();
        };
    }
}
