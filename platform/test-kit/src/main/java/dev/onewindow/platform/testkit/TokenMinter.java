package dev.onewindow.platform.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Issues Keycloak-shaped access tokens for tests and serves the matching JWKS over HTTP, so services under test
 * validate tokens exactly as in production (signature via JWKS, issuer, audience, expiry) instead of bypassing
 * security. Token claims follow the realm {@code onewindow}: {@code realm_access.roles}, {@code dept},
 * {@code region}, {@code azp}, {@code aud=onewindow}.
 */
public final class TokenMinter {

    public static final String REALM = "onewindow";
    public static final String AUDIENCE = "onewindow";

    private static TokenMinter shared;

    private final RSAKey signingKey;
    private final RSAKey foreignKey;
    private final HttpServer server;
    private final String issuer;

    private TokenMinter() {
        try {
            this.signingKey = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            this.foreignKey = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/" + REALM;
        String jwks = new JWKSet(signingKey.toPublicJWK()).toString();
        String discovery = """
                {"issuer":"%s","jwks_uri":"%s","token_endpoint":"%s/protocol/openid-connect/token",\
                "id_token_signing_alg_values_supported":["RS256"],"subject_types_supported":["public"],\
                "response_types_supported":["code"]}""".formatted(issuer, jwksUri(), issuer);
        server.createContext("/realms/" + REALM + "/protocol/openid-connect/certs", exchange -> respond(exchange, jwks));
        server.createContext("/realms/" + REALM + "/.well-known/openid-configuration",
                exchange -> respond(exchange, discovery));
        server.start();
    }

    /**
     * {@code token} with its last character changed within that character's unused bits: the same signature bytes to
     * a lenient base64url decoder, but not the string that was issued (see {@code CompactJws}). For RS256 tokens.
     */
    public static String reEncoded(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        if (token.substring(token.lastIndexOf('.') + 1).length() % 4 != 2) {
            throw new IllegalArgumentException("expected an RS256 signature (342 base64url characters)");
        }
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        return token.substring(0, token.length() - 1) + alphabet.charAt(last | 0x01);
    }

    public static synchronized TokenMinter shared() {
        if (shared == null) {
            shared = new TokenMinter();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.server.stop(0), "token-minter-shutdown"));
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUri() {
        return issuer + "/protocol/openid-connect/certs";
    }

    /** A token builder for a human user (subject = username, client {@code onewindow-app}). */
    public Builder user(String username, String... roles) {
        return new Builder().subject(username).username(username).roles(roles);
    }

    /** A token builder for a client-credentials caller such as a partner system or a service account. */
    public Builder client(String clientId, String... roles) {
        return new Builder().subject("service-account-" + clientId).username("service-account-" + clientId)
                .clientId(clientId).roles(roles);
    }

    /** Builds one token; every setter returns the builder. */
    public final class Builder {
        private String subject;
        private String username;
        private String clientId = "onewindow-app";
        private List<String> roles = List.of();
        private String tokenIssuer = issuer;
        private List<String> audience = List.of(AUDIENCE);
        private Duration expiresIn = Duration.ofMinutes(5);
        private boolean forged;
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();

        public Builder subject(String value) { this.subject = value; return this; }
        public Builder username(String value) { this.username = value; return this; }
        public Builder clientId(String value) { this.clientId = value; return this; }
        public Builder roles(String... value) { this.roles = List.of(value); return this; }
        public Builder dept(String value) { return claim("dept", value); }
        public Builder region(String value) { return claim("region", value); }
        public Builder idNumber(String value) { return claim("id_number", value); }
        public Builder uscc(String value) { return claim("uscc", value); }
        public Builder issuer(String value) { this.tokenIssuer = value; return this; }
        public Builder audience(String... value) { this.audience = List.of(value); return this; }
        /** Negative durations give an already expired token. */
        public Builder expiresIn(Duration value) { this.expiresIn = value; return this; }
        /** Signs with a key the JWKS does not publish (same key id), as an attacker would. */
        public Builder forged() { this.forged = true; return this; }
        public Builder claim(String name, Object value) { extraClaims.put(name, value); return this; }

        public String mint() {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .jwtID(UUID.randomUUID().toString())
                    .issuer(tokenIssuer)
                    .subject(subject)
                    .audience(audience)
                    .issueTime(Date.from(now.minusSeconds(1)))
                    .expirationTime(Date.from(now.plus(expiresIn)))
                    .claim("azp", clientId)
                    .claim("typ", "Bearer")
                    .claim("preferred_username", username)
                    .claim("realm_access", Map.of("roles", roles));
            extraClaims.forEach(claims::claim);
            RSAKey key = forged ? foreignKey : signingKey;
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
