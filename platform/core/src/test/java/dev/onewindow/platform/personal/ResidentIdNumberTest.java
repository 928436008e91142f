package dev.onewindow.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    /** The example from GB 11643-1999 itself. */
    private static final String KNOWN_VALID = "11010519491231002X";

    /** An independent implementation of ISO 7064 MOD 11-2, written from the standard, to cross-check the class. */
    private static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (1 << (17 - i)) % 11; // W_i = 2^(i-1) mod 11, positions counted from the right
            sum += (first17.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : String.valueOf(check));
    }

    @Test
    void acceptsTheStandardsExample() {
        ResidentIdNumber id = ResidentIdNumber.of(KNOWN_VALID);

        assertThat(id.value()).isEqualTo(KNOWN_VALID);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.regionCode()).isEqualTo("110105");
    }

    @Test
    void acceptsLowercaseXAndSurroundingSpaceAndNormalisesThem() {
        ResidentIdNumber id = ResidentIdNumber.of(" 11010519491231002x ");

        assertThat(id.value()).isEqualTo(KNOWN_VALID);
        assertThat(id).isEqualTo(ResidentIdNumber.of(KNOWN_VALID)).hasSameHashCodeAs(ResidentIdNumber.of(KNOWN_VALID));
    }

    @Test
    void acceptsGeneratedNumbersAndRejectsEveryOtherCheckCharacter() {
        String[] bodies = {"34130219900101123", "44030520000229456", "65010219190704001", "11010120240131998"};
        for (String body : bodies) {
            String valid = withCheck(body);
            assertThat(ResidentIdNumber.isValid(valid)).as(valid).isTrue();
            assertThat(ResidentIdNumber.checkCharacter(body)).isEqualTo(valid.charAt(17));
            for (char check : "0123456789X".toCharArray()) {
                if (check != valid.charAt(17)) {
                    assertThat(ResidentIdNumber.isValid(body + check)).as(body + check).isFalse();
                }
            }
        }
    }

    @Test
    void detectsASingleWrongDigit() {
        String typo = "11010519491231003X";
        assertThat(ResidentIdNumber.isValid(typo)).isFalse();
        assertThatThrownBy(() -> ResidentIdNumber.of(typo))
                .isInstanceOf(InvalidPersonalDataException.class)
                .hasMessageContaining("check character")
                .hasMessageNotContaining(typo)
                .extracting(e -> ((InvalidPersonalDataException) e).code())
                .isEqualTo(InvalidPersonalDataException.INVALID_ID_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19990230", "20230229", "19000229", "19991301", "19990100"})
    void rejectsBirthDatesThatDoNotExistEvenWithACorrectCheckCharacter(String birthDate) {
        String id = withCheck("341302" + birthDate + "123");

        assertThatThrownBy(() -> ResidentIdNumber.of(id))
                .isInstanceOf(InvalidPersonalDataException.class)
                .hasMessageContaining("birth date");
    }

    @Test
    void acceptsALeapDay() {
        assertThat(ResidentIdNumber.isValid(withCheck("34130220000229123"))).isTrue();
    }

    @Test
    void rejectsBirthBefore1900AndInTheFuture() {
        // GB 11643's second example, 440524188001010014, has a valid check digit but a birth year of 1880
        assertThat(ResidentIdNumber.isValid(withCheck("44052418800101001"))).isFalse();
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1)
                .format(DateTimeFormatter.BASIC_ISO_DATE);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThatThrownBy(() -> ResidentIdNumber.of(withCheck("341302" + tomorrow + "123")))
                .hasMessageContaining("future");
        assertThat(ResidentIdNumber.isValid(withCheck("341302" + today + "123"))).isTrue();
    }

    @Test
    void rejectsTheAllZeroRegion() {
        assertThatThrownBy(() -> ResidentIdNumber.of(withCheck("00000019900101123")))
                .isInstanceOf(InvalidPersonalDataException.class)
                .hasMessageContaining("region");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"11010519491231002", "11010519491231002XX", "1101051949123100AX", "110105 9491231002X",
            "110105194912310021 ", "１１０１０５１９４９１２３１００２X"})
    void rejectsMalformedInput(String candidate) {
        assertThat(ResidentIdNumber.isValid(candidate)).isFalse();
        assertThatThrownBy(() -> ResidentIdNumber.of(candidate)).isInstanceOf(InvalidPersonalDataException.class);
    }

    @Test
    void isMaskedWhenShownOrLogged() {
        ResidentIdNumber id = ResidentIdNumber.of(KNOWN_VALID);

        assertThat(id.masked()).isEqualTo("110105********002X");
        assertThat(id.toString()).isEqualTo("110105********002X").doesNotContain("19491231");
    }
}
