package dev.onewindow.catalog.web;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code If-Match} names one revision by ASCII digits, or none; nothing else is read as some revision. */
class CallersTest {

    @Test
    void anEntityTagNamesItsRevision() {
        assertThat(Callers.ifMatch("\"7\"")).isEqualTo(7L);
        assertThat(Callers.ifMatch("W/\"7\"")).isEqualTo(7L);
        assertThat(Callers.ifMatch(" 7 ")).isEqualTo(7L);
        assertThat(Callers.ifMatch("\"9223372036854775807\"")).isEqualTo(Long.MAX_VALUE);
        assertThat(Callers.ifMatch(null)).isNull();
        assertThat(Callers.ifMatch("")).isNull();
        assertThat(Callers.ifMatch("*")).isNull();
    }

    @Test
    void anythingElseIsRefusedRatherThanReadAsAnotherRevision() {
        // each of these parsed as some revision once: a sign, non-ASCII digits, stray quotes
        for (String header : new String[] {"\"+1\"", "\"-1\"", "-1", "\"\u0661\"", "\uFF17", "\"7", "7\"\"",
                "\"\"", "\"abc\"", "\"9223372036854775808\"", "\"99999999999999999999\"", "\"1\", \"2\"",
                "\u00E2\u0080\u00AE1", "W/", "w/\"1\""}) {
            assertThatThrownBy(() -> Callers.ifMatch(header)).as(header).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("INVALID_IF_MATCH"));
        }
    }
}
