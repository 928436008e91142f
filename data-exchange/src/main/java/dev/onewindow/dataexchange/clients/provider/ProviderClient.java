package dev.onewindow.dataexchange.clients.provider;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The adapter protocol a provider's system answers (docs/service-contracts.md, "Provider adapters"):
 * {@code POST <url>/queries} with {@code {"resource","field","value"}} and the consumer system's token, answered
 * {@code {"records":[{…}]}}. One Feign
 * client per registered adapter (built by {@link ProviderAdapters}), each with its own circuit breaker; timeouts
 * {@code spring.cloud.openfeign.client.config.provider-<name>.*}, breaker and time limit the platform's
 * {@code onewindow.peers.*}.
 */
interface ProviderClient {

    @PostMapping(value = "/queries", consumes = "application/json", produces = "application/json")
    Answer query(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody Question question);

    record Question(String resource, String field, Object value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(List<Map<String, Object>> records) {
    }
}
