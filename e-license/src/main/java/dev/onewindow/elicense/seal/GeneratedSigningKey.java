package dev.onewindow.elicense.seal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * LOCAL PROFILE ONLY: a seal key generated on first use because none was configured for the department
 * ({@code onewindow.elicense.generate-missing-keys=true}). The private key is stored encrypted with the service's
 * field cipher, bound to the key id. Production configures keys from Secrets and disables generation; keys generated
 * earlier stay published so licences they sealed remain verifiable.
 */
@Document("signing_keys")
public record GeneratedSigningKey(@Id String kid, @Indexed String department, String algorithm, String publicKey,
        String encryptedPrivateKey, Instant createdAt) {
}
