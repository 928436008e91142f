package dev.onewindow.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    private static final String KNOWN_VALID = "91350100M000100Y43";
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Independent GB 32100 check: weights are 3^(i-1) mod 31. */
    private static String withCheck(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return first17 + CHARSET.charAt((31 - sum % 31) % 31);
    }

    @Test
    void acceptsAKnownCode() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.of(KNOWN_VALID);

        assertThat(code.value()).isEqualTo(KNOWN_VALID);
        assertThat(code.regionCode()).isEqualTo("350100");
        assertThat(code.toString()).isEqualTo(KNOWN_VALID);
        assertThat(code.masked()).isEqualTo("9135**********0Y43");
    }

    @Test
    void acceptsLowercaseAndNormalisesIt() {
        assertThat(UnifiedSocialCreditCode.of(" 91350100m000100y43").value()).isEqualTo(KNOWN_VALID);
    }

    @Test
    void acceptsGeneratedCodesIncludingCheckCharacterZero() {
        String[] bodies = {"91341302MA2N0K7B1", "12100000400000624", "52110000500019587", "Y1341300000000000"};
        for (String body : bodies) {
            String valid = withCheck(body);
            assertThat(UnifiedSocialCreditCode.isValid(valid)).as(valid).isTrue();
            assertThat(UnifiedSocialCreditCode.checkCharacter(body)).isEqualTo(valid.charAt(17));
        }
        // find a body whose sum is a multiple of 31, where the check value 31 must map to '0'
        String zeroCheck = null;
        for (char c : CHARSET.toCharArray()) {
            String candidate = withCheck("9134130200000000" + c);
            if (candidate.endsWith("0")) {
                zeroCheck = candidate;
            }
        }
        assertThat(zeroCheck).isNotNull();
        assertThat(UnifiedSocialCreditCode.isValid(zeroCheck)).isTrue();
    }

    @Test
    void detectsEverySingleCharacterSubstitution() {
        for (int position = 0; position < 18; position++) {
            for (char replacement : CHARSET.toCharArray()) {
                if (replacement == KNOWN_VALID.charAt(position)) {
                    continue;
                }
                String altered = KNOWN_VALID.substring(0, position) + replacement + KNOWN_VALID.substring(position + 1);
                assertThat(UnifiedSocialCreditCode.isValid(altered)).as(altered).isFalse();
            }
        }
    }

    @Test
    void rejectsForbiddenLettersAndALetterInTheRegionCode() {
        for (char forbidden : "IOZSV".toCharArray()) {
            assertThat(UnifiedSocialCreditCode.isValid("91350100M000100" + forbidden + "43")).isFalse();
        }
        String letterInRegion = withCheck("9135A100M000100Y4");
        assertThat(UnifiedSocialCreditCode.isValid(letterInRegion)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "91350100-M000100Y43"})
    void rejectsMalformedInputWithItsCode(String candidate) {
        assertThat(UnifiedSocialCreditCode.isValid(candidate)).isFalse();
        assertThatThrownBy(() -> UnifiedSocialCreditCode.of(candidate))
                .isInstanceOf(InvalidPersonalDataException.class)
                .extracting(e -> ((InvalidPersonalDataException) e).code())
                .isEqualTo(InvalidPersonalDataException.INVALID_USCC);
    }
}
