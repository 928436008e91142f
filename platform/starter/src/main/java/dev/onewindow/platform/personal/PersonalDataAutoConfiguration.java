package dev.onewindow.platform.personal;

import java.util.Map;

import dev.onewindow.platform.config.RequiredSetting;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Field encryption and look-up hashing for services that store personal data. The beans are made when a service
 * first needs them ({@code @Lazy}), from keys that have no default outside the local profile: a service that
 * stores personal data refuses to start without its keys and names the missing setting, while a service that
 * stores none never asks for them.
 */
@AutoConfiguration
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataAutoConfiguration {

    @Bean
    @Lazy
    FieldCipher fieldCipher(PersonalDataProperties properties) {
        String primary = RequiredSetting.require(properties.primaryKeyId(), "onewindow.personal-data.primary-key-id",
                "the id of the key personal data is encrypted with");
        Map<String, String> keys = properties.encryptionKeys() == null ? Map.of() : properties.encryptionKeys();
        RequiredSetting.require(keys.get(primary), "onewindow.personal-data.encryption-keys." + primary,
                "the Base64 AES-256 key personal data is encrypted with");
        return new FieldCipher(primary, keys);
    }

    @Bean
    @Lazy
    LookupHasher lookupHasher(PersonalDataProperties properties) {
        return new LookupHasher(RequiredSetting.require(properties.lookupKey(), "onewindow.personal-data.lookup-key",
                "the Base64 HMAC key of the look-up hashes of ID numbers, shared by every service"));
    }
}
