package dev.onewindow.platform.personal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data ({@code onewindow.personal-data.*}), from configuration or Kubernetes Secrets — never from
 * the repository in production. The local stack generates its own at first start.
 *
 * @param primaryKeyId   id of the key new values are encrypted with
 * @param encryptionKeys Base64 AES-256 keys by id; old ids stay so that values encrypted before a rotation still
 *                       decrypt
 * @param lookupKey      Base64 HMAC key (≥ 32 bytes) for the keyed hashes used to look values up
 */
@ConfigurationProperties("onewindow.personal-data")
public record PersonalDataProperties(String primaryKeyId, Map<String, String> encryptionKeys, String lookupKey) {
}
