package dev.onewindow.evaluation.clients.hotline;

import dev.onewindow.platform.domain.DomainException;
import feign.FeignException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/** When hotline-12345 cannot answer: unavailable (try again shortly); an answered refusal is passed on. */
@Component
class HotlineFallbackFactory implements FallbackFactory<HotlineClient> {

    private static final Logger log = LoggerFactory.getLogger(HotlineFallbackFactory.class);

    @Override
    public HotlineClient create(Throwable cause) {
        return orderId -> {
            if (cause instanceof DomainException answered) {
                throw answered;
            }
            log.warn("hotline-12345 unavailable for a caller contact: {}{}", cause.getClass().getSimpleName(),
                    cause instanceof FeignException failed && failed.status() > 0 ? " " + failed.status() : "");
            throw DomainException.unavailable("HOTLINE_UNAVAILABLE",
                    "hotline-12345 cannot give the caller's contact now; try again shortly");
        };
    }
}
