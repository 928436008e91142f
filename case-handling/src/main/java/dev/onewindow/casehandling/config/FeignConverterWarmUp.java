package dev.onewindow.casehandling.config;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.stereotype.Component;

/**
 * Works around spring-cloud-openfeign 5.0.x initialising each client's message converters lazily and without
 * synchronisation (spring-cloud/spring-cloud-openfeign#1371): the first concurrent calls after start-up could see an
 * empty converter list and fail with "'messageConverters' must not be empty", which our fallback would report as
 * the peer being unavailable. Initialising them once at start-up, on one thread, avoids the race. Remove when the
 * release train carries the fix.
 */
@Component
class FeignConverterWarmUp implements SmartInitializingSingleton {

    private static final List<String> CLIENTS = List.of("catalog", "elicense", "license-types", "license-schemas");

    private final FeignClientFactory feignClients;

    FeignConverterWarmUp(FeignClientFactory feignClients) {
        this.feignClients = feignClients;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String client : CLIENTS) {
            FeignHttpMessageConverters converters = feignClients.getInstance(client, FeignHttpMessageConverters.class);
            if (converters != null) {
                converters.getConverters();
            }
        }
    }
}
