package dev.onewindow.hotline.orders;

/**
 * Who raised the matter. Never the mobile number in clear: it is stored encrypted ({@code mobileSealed}, opened only
 * to call the caller back), as a keyed hash ({@code mobileRef}) to find a caller's orders, and masked for display.
 *
 * @param anonymous    the caller gave no name or number (匿名)
 * @param name         the name the caller gave, masked (王**); null if none
 * @param mobileMasked 138****5678; null if none
 * @param mobileSealed the number, encrypted with the personal-data key; null if none
 * @param mobileRef    keyed hash of the number; null if none
 * @param confidential 保密: departments never see who the caller is
 * @param subject      the signed-in citizen who filed the order (token {@code sub}); null for calls
 * @param clientId     the partner system that filed it (token {@code azp} or api-key partner); null otherwise
 */
public record CallerInfo(boolean anonymous, String name, String mobileMasked, String mobileSealed, String mobileRef,
        boolean confidential, String subject, String clientId) {
}
