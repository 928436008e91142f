package dev.onewindow.hotline.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Who files through Open311. The path is public (a GeoReport client sends no token to list services), so the facade
 * checks the credentials itself: a Bearer token — already validated by the security chain, as on every public path —
 * must be a partner client's; without a token, the GeoReport {@code api_key} must be one issued to a registered
 * partner ({@code onewindow.hotline.open311.api-keys}: partner → SHA-256 of the key, never the key itself). Either
 * way the order is filed by that partner, as through the partner API.
 */
@Component
public class PartnerCredentials {

    private final Map<String, byte[]> keyDigests;

    PartnerCredentials(HotlineProperties properties) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        properties.open311().apiKeys().forEach((partner, hex) -> {
            byte[] digest = HexFormat.of().parseHex(hex.trim().toLowerCase(java.util.Locale.ROOT));
            if (digest.length != 32) {
                throw new IllegalStateException("onewindow.hotline.open311.api-keys." + partner
                        + " is not the SHA-256 (64 hex digits) of a key");
            }
            digests.put(partner, digest);
        });
        this.keyDigests = Map.copyOf(digests);
    }

    /** The partner filing with the current request's token, else with {@code apiKey}; 403 with neither. */
    public Caller partner(String apiKey) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            Caller caller = Caller.from(jwt);
            if (!caller.hasRole(Roles.PARTNER)) {
                throw DomainException.notAllowed("NOT_A_PARTNER",
                        "the token is not a partner client's: filing a request needs a partner's token or api_key");
            }
            return caller;
        }
        if (apiKey != null) {
            byte[] digest = sha256(apiKey);
            String found = null;
            // every configured key is compared in full (MessageDigest.isEqual takes the same time whatever matches)
            for (Map.Entry<String, byte[]> key : keyDigests.entrySet()) {
                if (MessageDigest.isEqual(digest, key.getValue()) && found == null) {
                    found = key.getKey();
                }
            }
            if (found != null) {
                return new Caller(found, found, found, Set.of(Roles.PARTNER), null, null, null, null);
            }
        }
        throw DomainException.notAllowed("INVALID_API_KEY",
                "missing or invalid api_key: filing a request needs an api_key issued to a partner, or a partner's "
                        + "Bearer token");
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
