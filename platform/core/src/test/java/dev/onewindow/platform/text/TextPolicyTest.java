package dev.onewindow.platform.text;

import dev.onewindow.platform.domain.InvalidInputException;
import dev.onewindow.platform.text.TextPolicy.Lines;
import dev.onewindow.platform.text.TextPolicy.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextPolicyTest {

    @Test
    void plainTextOfAnyScriptPasses() {
        assertThat(TextPolicy.check("个体工商户设立登记 — Zhang Wei's shop (No. 3) 😀", Lines.SINGLE)).isNull();
        assertThat(TextPolicy.check("", Lines.SINGLE)).isNull();
        assertThat(TextPolicy.check(null, Lines.SINGLE)).isNull();
        // left-to-right and right-to-left marks are ordinary in mixed Arabic/Latin text
        assertThat(TextPolicy.check("abc\u200Edef\u200F", Lines.SINGLE)).isNull();
    }

    @Test
    void controlCharactersAreRefusedAndLineBreaksOnlyInMultiLineText() {
        assertThat(TextPolicy.check("a\u0000b", Lines.MULTI)).isEqualTo(Violation.CONTROL_CHARACTER);
        assertThat(TextPolicy.check("\u001B[31m", Lines.MULTI)).isEqualTo(Violation.CONTROL_CHARACTER);
        assertThat(TextPolicy.check("a\u0085b", Lines.MULTI)).isEqualTo(Violation.CONTROL_CHARACTER);
        assertThat(TextPolicy.check("line\nbreak", Lines.SINGLE)).isEqualTo(Violation.CONTROL_CHARACTER);
        assertThat(TextPolicy.check("line\r\nbreak\tand tab", Lines.MULTI)).isNull();
    }

    @Test
    void bidirectionalControlsAreRefused() {
        // "abc\u202Efdp.exe" displays as "abcexe.pdf"
        assertThat(TextPolicy.check("abc\u202Efdp.exe", Lines.MULTI)).isEqualTo(Violation.BIDI_CONTROL);
        assertThat(TextPolicy.check("\u2066x\u2069", Lines.MULTI)).isEqualTo(Violation.BIDI_CONTROL);
        assertThat(TextPolicy.check("\u061C", Lines.MULTI)).isEqualTo(Violation.BIDI_CONTROL);
    }

    @Test
    void onlyValidUnicodeIsText() {
        assertThat(TextPolicy.check("\uD800", Lines.SINGLE)).isEqualTo(Violation.INVALID_UNICODE);
        assertThat(TextPolicy.check("\uDC00x", Lines.SINGLE)).isEqualTo(Violation.INVALID_UNICODE);
        assertThat(TextPolicy.check("\uFFFE", Lines.SINGLE)).isEqualTo(Violation.INVALID_UNICODE);
        assertThat(TextPolicy.check("\uFDD0", Lines.SINGLE)).isEqualTo(Violation.INVALID_UNICODE);
        assertThat(TextPolicy.check("\uD83F\uDFFF", Lines.SINGLE)).isEqualTo(Violation.INVALID_UNICODE);
    }

    @Test
    void lengthIsBounded() {
        assertThat(TextPolicy.check("x".repeat(TextPolicy.MAX_LENGTH), Lines.SINGLE)).isNull();
        assertThat(TextPolicy.check("x".repeat(TextPolicy.MAX_LENGTH + 1), Lines.SINGLE)).isEqualTo(Violation.TOO_LONG);
        assertThat(TextPolicy.check("xyz", Lines.SINGLE, 2)).isEqualTo(Violation.TOO_LONG);
    }

    @Test
    void aRefusalNamesTheFieldAndTheReason() {
        assertThatThrownBy(() -> TextPolicy.require("a\u0000", "applicant.name", Lines.SINGLE, 100))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    InvalidInputException refusal = (InvalidInputException) e;
                    assertThat(refusal.code()).isEqualTo("INVALID_TEXT");
                    assertThat(refusal.properties().get("errors").toString())
                            .contains("applicant.name").contains("CONTROL_CHARACTER");
                    assertThat(refusal.getMessage()).doesNotContain("\u0000");
                });
    }
}
