package dev.onewindow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The loop-based checks must accept and refuse exactly what Spring Security's regular expressions do. */
class HeaderCharactersTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void sameVerdictAsTheRegularExpressionsOnTypicalAndHostileValues() {
        String[] samples = {"", "Bearer eyJhbGciOi.abc", "application/json", "a\tb", "a\nb", "a\rb", "a\u0000b",
                "a\u007fb", "a\u0085b", "中文 名称", "emoji \uD83D\uDE00", "lone \uD800 surrogate", "\u0378 unassigned",
                "\uFFFF", "zero\u200Bwidth", "é"};
        for (String sample : samples) {
            assertThat(HeaderCharacters.NAMES.test(sample)).as("name %s", sample)
                    .isEqualTo(NAMES.matcher(sample).matches());
            assertThat(HeaderCharacters.VALUES.test(sample)).as("value %s", sample)
                    .isEqualTo(VALUES.matcher(sample).matches());
        }
    }

    @Test
    void sameVerdictOnRandomStrings() {
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(4);
                value.append((char) switch (kind) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> random.nextInt(0x100);
                    case 2 -> random.nextInt(0x3000);
                    default -> random.nextInt(0x10000);
                });
            }
            String sample = value.toString();
            assertThat(HeaderCharacters.NAMES.test(sample)).isEqualTo(NAMES.matcher(sample).matches());
            assertThat(HeaderCharacters.VALUES.test(sample)).isEqualTo(VALUES.matcher(sample).matches());
        }
    }
}
