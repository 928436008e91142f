package dev.onewindow.dataexchange.exchange;

import java.util.List;
import java.util.Map;

/**
 * The providers' systems an API resource is answered by, each through its registered adapter. Unavailability (down,
 * slow, circuit open) is a {@code DomainException.unavailable} with code {@code PROVIDER_UNAVAILABLE}.
 */
public interface ProviderSystems {

    /** The records of {@code resourceCode} whose {@code field} equals {@code value}, as the provider holds them. */
    List<Map<String, Object>> query(String adapter, String resourceCode, String field, Object value);
}
