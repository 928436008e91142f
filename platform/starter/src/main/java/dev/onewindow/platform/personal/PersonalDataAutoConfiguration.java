package dev.onewindow.platform.personal;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Field encryption and look-up hashing for services that store personal data. The beans exist only where the keys
 * are configured, so a service that needs them fails at start-up rather than storing data unprotected.
 */
@AutoConfiguration
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataAutoConfiguration {

    @Bean
    @ConditionalOnProperty("onewindow.personal-data.primary-key-id")
    FieldCipher fieldCipher(PersonalDataProperties properties) {
        return new FieldCipher(properties.primaryKeyId(), properties.encryptionKeys());
    }

    @Bean
    @ConditionalOnProperty("onewindow.personal-data.lookup-key")
    LookupHasher lookupHasher(PersonalDataProperties properties) {
        return new LookupHasher(properties.lookupKey());
    }
}
