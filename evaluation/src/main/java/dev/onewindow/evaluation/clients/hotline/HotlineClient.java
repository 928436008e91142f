package dev.onewindow.evaluation.clients.hotline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.onewindow.evaluation.clients.ServiceAccountAuthorization;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * hotline-12345's caller contact of a work order (docs/service-contracts.md): answered only to evaluation's service
 * account; breaker, time limit and fallback as {@code CaseHandlingClient}. URL {@code onewindow.evaluation.hotline-url};
 * timeouts {@code spring.cloud.openfeign.client.config.hotline.*}.
 */
@FeignClient(name = "hotline", url = "${onewindow.evaluation.hotline-url:http://localhost:8086}",
        configuration = ServiceAccountAuthorization.class, fallbackFactory = HotlineFallbackFactory.class)
public interface HotlineClient {

    @GetMapping("/api/v1/hotline/orders/{orderId}/caller-contact")
    CallerContact callerContact(@PathVariable("orderId") String orderId);

    /** hotline-12345's answer; other members ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallerContact(String orderId, String mobile, boolean confidential) {
    }
}
