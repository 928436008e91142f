package dev.onewindow.elicense.seal;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.config.ELicenseProperties;
import dev.onewindow.elicense.config.ELicenseProperties.DepartmentKeys;
import dev.onewindow.elicense.config.ELicenseProperties.KeyEntry;
import dev.onewindow.platform.personal.FieldCipher;
import dev.onewindow.platform.config.RequiredSetting;
import dev.onewindow.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every department's seal keys. Configured keys ({@code onewindow.elicense.signing-keys}) are parsed once at start
 * (a bad key, or no key at all outside the local profile, stops the service from starting); the active key of a
 * department seals its new licences, the others stay published so a rotation never invalidates what was sealed
 * before.
 *
 * <p>LOCAL PROFILE ONLY: with {@code generate-missing-keys=true}, a department without configured keys gets a key
 * pair generated on first use and stored in MongoDB (private key encrypted), so the local stack works without any key
 * set-up. The generated key id names the algorithm ({@code SCJGJ-dev-es256}): configuring SM2 for a department later
 * generates a new key and leaves the old one published.
 */
@Component
public class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final ELicenseProperties properties;
    private final GeneratedKeyStore store;
    private final ObjectProvider<FieldCipher> cipher;
    private final Clock clock;
    private final Map<String, SigningKey> configured = new LinkedHashMap<>();
    private final Map<String, String> configuredActive = new HashMap<>();
    private final Map<String, SigningKey> generated = new ConcurrentHashMap<>();

    public KeyRing(ELicenseProperties properties, GeneratedKeyStore store, ObjectProvider<FieldCipher> cipher,
            Clock clock) {
        this.properties = properties;
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
        if (properties.signingKeys().isEmpty() && !properties.generateMissingKeys()) {
            // secrets fail closed: no seal key is made up outside the local profile, and a service that cannot seal
            // or vouch for any licence does not pretend to be ready
            throw RequiredSetting.missing("onewindow.elicense.signing-keys", "the departments' seal keys, which "
                    + "sign every licence, QR token and status list; generate-missing-keys is for the local profile "
                    + "only");
        }
        if (properties.signingKeys().size() > Limits.DEPARTMENTS) {
            throw new IllegalStateException("onewindow.elicense.signing-keys names more than " + Limits.DEPARTMENTS
                    + " departments");
        }
        properties.signingKeys().forEach(this::load);
        if (properties.generateMissingKeys()) {
            log.warn("onewindow.elicense.generate-missing-keys=true: departments without configured seal keys get "
                    + "generated keys stored in MongoDB. This is for the local profile only; everywhere else keys "
                    + "come from Secrets and it is off.");
        }
    }

    private void load(String department, DepartmentKeys keys) {
        if (!department.matches(Limits.DEPARTMENT_CODE) || keys.keys().size() > Limits.KEYS_PER_DEPARTMENT) {
            throw new IllegalStateException("onewindow.elicense.signing-keys." + department + ": a department code "
                    + "with at most " + Limits.KEYS_PER_DEPARTMENT + " keys");
        }
        for (Map.Entry<String, KeyEntry> entry : keys.keys().entrySet()) {
            String kid = entry.getKey();
            if (kid.length() > Limits.KID_LENGTH || !kid.matches(Limits.KID)) {
                throw new IllegalStateException("seal key id " + kid + " of " + department + ": at most "
                        + Limits.KID_LENGTH + " letters, digits, '.', '_' and '-'");
            }
            KeyEntry material = entry.getValue();
            SigningAlgorithm algorithm = SigningAlgorithm.parse(material.algorithm());
            PrivateKey privateKey = material.privateKey() == null || material.privateKey().isBlank() ? null
                    : KeyMaterial.privateKey(material.privateKey(), algorithm);
            PublicKey publicKey;
            if (material.publicKey() != null && !material.publicKey().isBlank()) {
                publicKey = KeyMaterial.publicKey(material.publicKey(), algorithm);
            } else if (privateKey != null) {
                publicKey = KeyMaterial.derivePublicKey(privateKey, algorithm);
            } else {
                throw new IllegalStateException("seal key " + kid + " of " + department
                        + " has neither a private nor a public key");
            }
            if (configured.containsKey(kid)) {
                throw new IllegalStateException("seal key id " + kid + " is configured twice; key ids must be unique");
            }
            SigningKey key = new SigningKey(kid, department, algorithm, publicKey, privateKey,
                    SigningKey.Source.CONFIGURED);
            if (privateKey != null && !key.verify(new byte[] {1}, key.sign(new byte[] {1}))) {
                throw new IllegalStateException("seal key " + kid + ": the public key does not match the private key");
            }
            configured.put(kid, key);
        }
        String active = keys.activeKid();
        if (active == null && keys.keys().size() == 1) {
            active = keys.keys().keySet().iterator().next();
        }
        if (active == null || !configured.containsKey(active) || !configured.get(active).canSign()) {
            throw new IllegalStateException("onewindow.elicense.signing-keys." + department
                    + ".active-kid must name one of its keys that has a private key");
        }
        configuredActive.put(department, active);
    }

    /** The key that seals the department's new licences; unavailable when it has none and generation is off. */
    public SigningKey activeKey(String department) {
        String kid = configuredActive.get(department);
        if (kid != null) {
            return configured.get(kid);
        }
        if (!properties.generateMissingKeys()) {
            throw DomainException.unavailable("SIGNING_KEY_UNAVAILABLE",
                    "no seal key is configured for department " + department);
        }
        SigningAlgorithm algorithm = SigningAlgorithm.parse(properties.departmentAlgorithms().get(department));
        String generatedKid = department + "-dev-" + algorithm.name().toLowerCase(Locale.ROOT);
        SigningKey key = generated.get(generatedKid);
        return key != null ? key : loadOrGenerate(generatedKid, department, algorithm);
    }

    /** A key by id, for verification: configured, or generated (by this or another instance). */
    public Optional<SigningKey> find(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        SigningKey key = configured.get(kid);
        if (key == null) {
            key = generated.get(kid);
        }
        if (key == null) {
            Optional<GeneratedSigningKey> stored = store.find(kid);
            if (stored.isPresent()) {
                key = toKey(stored.get());
                generated.put(kid, key);
            }
        }
        return Optional.ofNullable(key);
    }

    /** Every key a verifier may meet, with whether it is the one sealing new licences of its department. */
    public List<PublishedKey> published() {
        Map<String, SigningKey> all = new LinkedHashMap<>(configured);
        for (GeneratedSigningKey stored : store.all()) {
            all.computeIfAbsent(stored.kid(), kid -> generated.computeIfAbsent(kid, k -> toKey(stored)));
        }
        List<PublishedKey> keys = new ArrayList<>();
        for (SigningKey key : all.values()) {
            keys.add(new PublishedKey(key, isActive(key)));
        }
        keys.sort(Comparator.comparing((PublishedKey k) -> k.key().department()).thenComparing(k -> k.key().kid()));
        return keys;
    }

    private boolean isActive(SigningKey key) {
        String configuredKid = configuredActive.get(key.department());
        if (configuredKid != null) {
            return configuredKid.equals(key.kid());
        }
        SigningAlgorithm algorithm = SigningAlgorithm.parse(properties.departmentAlgorithms().get(key.department()));
        return properties.generateMissingKeys() && key.source() == SigningKey.Source.GENERATED
                && key.algorithm() == algorithm;
    }

    /** A published key and whether it seals new licences. */
    public record PublishedKey(SigningKey key, boolean active) {
    }

    private synchronized SigningKey loadOrGenerate(String kid, String department, SigningAlgorithm algorithm) {
        Optional<SigningKey> existing = find(kid);
        if (existing.isPresent()) {
            return existing.get();
        }
        FieldCipher protector = requireCipher();
        KeyPair pair = algorithm.generateKeyPair();
        GeneratedSigningKey stored = new GeneratedSigningKey(kid, department, algorithm.name(),
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                protector.encrypt(KeyMaterial.base64(pair.getPrivate()), context(kid)), clock.instant());
        GeneratedSigningKey kept = store.insertIfAbsent(stored);
        if (kept.publicKey().equals(stored.publicKey())) {
            log.warn("generated DEV seal key {} ({}) for department {}", kid, algorithm, department);
        }
        SigningKey key = toKey(kept);
        generated.put(kid, key);
        return key;
    }

    private SigningKey toKey(GeneratedSigningKey stored) {
        SigningAlgorithm algorithm = SigningAlgorithm.parse(stored.algorithm());
        PublicKey publicKey = KeyMaterial.publicKey(stored.publicKey(), algorithm);
        FieldCipher protector = cipher.getIfAvailable();
        PrivateKey privateKey = protector == null ? null
                : KeyMaterial.privateKey(protector.decrypt(stored.encryptedPrivateKey(), context(stored.kid())),
                        algorithm);
        return new SigningKey(stored.kid(), stored.department(), algorithm, publicKey, privateKey,
                SigningKey.Source.GENERATED);
    }

    private FieldCipher requireCipher() {
        FieldCipher protector = cipher.getIfAvailable();
        if (protector == null) {
            throw DomainException.unavailable("SIGNING_KEY_UNAVAILABLE",
                    "generated seal keys need onewindow.personal-data keys to be stored encrypted");
        }
        return protector;
    }

    private static String context(String kid) {
        return "elicense.signing-key:" + kid;
    }
}
