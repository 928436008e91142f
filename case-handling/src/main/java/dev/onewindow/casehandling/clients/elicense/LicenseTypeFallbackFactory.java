package dev.onewindow.casehandling.clients.elicense;

import dev.onewindow.platform.domain.DomainException;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/**
 * When e-license cannot answer the face check (down, slow, circuit open, or it does not know the licence type), the
 * answer is {@code null}: the application goes ahead unchecked, because refusing every application for a licence
 * while e-license is away would be worse than the rare form that later cannot be issued from. e-license's refusal of
 * the form (or of the request: another 4xx) is rethrown unchanged as the caller's refusal.
 */
@Component
class LicenseTypeFallbackFactory implements FallbackFactory<LicenseTypeClient> {

    @Override
    public LicenseTypeClient create(Throwable cause) {
        return (typeCode, request) -> {
            if (cause instanceof DomainException answered
                    && !LicenseTypeErrorDecoder.UNKNOWN_TYPE.equals(answered.code())) {
                throw answered;
            }
            return null;
        };
    }
}
