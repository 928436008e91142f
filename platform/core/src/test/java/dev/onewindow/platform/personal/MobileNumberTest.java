package dev.onewindow.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "19912345678", " 15000000000 "})
    void acceptsElevenDigitsStartingWith13To19(String candidate) {
        assertThat(MobileNumber.isValid(candidate)).isTrue();
        assertThat(MobileNumber.of(candidate).value()).isEqualTo(candidate.strip());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12812345678", "10812345678", "23812345678", "1381234567", "138123456789",
            "+8613812345678", "138-1234-5678", "1381234567a"})
    void rejectsAnythingElseWithItsCode(String candidate) {
        assertThat(MobileNumber.isValid(candidate)).isFalse();
        assertThatThrownBy(() -> MobileNumber.of(candidate))
                .isInstanceOf(InvalidPersonalDataException.class)
                .extracting(e -> ((InvalidPersonalDataException) e).code())
                .isEqualTo(InvalidPersonalDataException.INVALID_MOBILE);
    }

    @Test
    void isMaskedWhenShownOrLogged() {
        MobileNumber mobile = MobileNumber.of("13812345678");

        assertThat(mobile.masked()).isEqualTo("138****5678");
        assertThat(mobile.toString()).isEqualTo("138****5678");
        assertThat(mobile).isEqualTo(MobileNumber.of("13812345678")).isNotEqualTo(MobileNumber.of("13812345679"));
    }
}
