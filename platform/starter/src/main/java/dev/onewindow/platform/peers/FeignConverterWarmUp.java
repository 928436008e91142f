package dev.onewindow.platform.peers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;

/**
 * Works around spring-cloud-openfeign 5.0.x initialising each client's message converters lazily and without
 * synchronisation (spring-cloud/spring-cloud-openfeign#1371): the first concurrent calls after start-up could see an
 * empty converter list and fail with "'messageConverters' must not be empty", which a fallback would report as the
 * peer being unavailable. Initialising them once at start-up, on one thread, for every Feign client of the service,
 * avoids the race. Remove when the release train carries the fix.
 */
class FeignConverterWarmUp implements SmartInitializingSingleton {

    private final ObjectProvider<FeignClientFactory> feignClientFactory;

    FeignConverterWarmUp(ObjectProvider<FeignClientFactory> feignClientFactory) {
        this.feignClientFactory = feignClientFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        FeignClientFactory feignClients = feignClientFactory.getIfAvailable();
        if (feignClients == null) {
            return; // a service without Feign clients
        }
        for (String client : feignClients.getConfigurations().keySet()) {
            if (client.startsWith("default.")) {
                continue; // @EnableFeignClients' default configuration, not a client
            }
            FeignHttpMessageConverters converters = feignClients.getInstance(client, FeignHttpMessageConverters.class);
            if (converters != null) {
                converters.getConverters();
            }
        }
    }
}
