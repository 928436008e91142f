package dev.onewindow.catalog.item;

import dev.onewindow.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BasicCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"XK00105000", "QR00701000", "JF01601000", "JL00001001", "CJ12345678", "ZS99999999",
            "QT00601000", "GG01501000"})
    void acceptsEveryItemTypeWithFiveDigitMainAndThreeDigitSubItem(String code) {
        assertThat(BasicCode.isValid(code)).isTrue();
        assertThat(BasicCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "XK0010500", "XK001050000", "XX00105000", "xk00105000", "XK0010500A", "XK-0105000",
            " XK00105000", "XK00105000 ", "ＸＫ00105000", "XK００105000"})
    void rejectsAnythingElseAsInvalidInput(String code) {
        assertThat(BasicCode.isValid(code)).isFalse();
        // invalid input: answered 400 by the platform's problem handler
        assertThatThrownBy(() -> BasicCode.of(code)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo("INVALID_BASIC_CODE");
        });
    }

    @Test
    void tellsItsParts() {
        BasicCode code = BasicCode.of("XK00105001");
        assertThat(code.itemType()).isEqualTo(ItemType.XK);
        assertThat(code.itemType().label()).isEqualTo("行政许可");
        assertThat(code.mainItem()).isEqualTo("00105");
        assertThat(code.subItem()).isEqualTo("001");
    }
}
