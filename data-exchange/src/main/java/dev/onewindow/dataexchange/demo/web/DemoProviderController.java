package dev.onewindow.dataexchange.demo.web;

import java.util.List;
import java.util.Map;

import dev.onewindow.dataexchange.demo.DemoEnterprises;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * LOCAL PROFILE ONLY ({@code onewindow.dataexchange.demo-provider.enabled}): the demo 市场监管 (SCJGJ) enterprise
 * registration system, answering the adapter protocol over real HTTP so that an API resource is reached the way a
 * provider's system is — Feign, breaker, timeout. Any signed-in caller; not part of data-exchange's API document.
 */
@Hidden
@RestController
@RequestMapping("/demo-providers/scjgj")
@ConditionalOnProperty(name = "onewindow.dataexchange.demo-provider.enabled", havingValue = "true")
class DemoProviderController {

    private final DemoEnterprises enterprises;
    private volatile java.time.Duration latency; // the benchmark sets it between its runs

    DemoProviderController(DemoEnterprises enterprises,
            dev.onewindow.dataexchange.config.DataExchangeProperties properties) {
        this.enterprises = enterprises;
        this.latency = properties.demoProvider().latency();
    }

    @PostMapping("/queries")
    Map<String, Object> query(@RequestBody Question question) throws InterruptedException {
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis()); // a provider's system across the network (demo-provider.latency)
        }
        List<Map<String, Object>> found = "uscc".equals(question.field()) && question.value() != null
                ? enterprises.find(String.valueOf(question.value())).map(List::of).orElse(List.of()) : List.of();
        return Map.of("records", found);
    }

    record Question(String resource, String field, Object value) {
    }
}
