package dev.onewindow.elicense.seal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    @Test
    void sortsMembersAndDropsWhitespaceWhateverTheInsertionOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1);
        a.put("a", Map.of("z", true, "y", "x"));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", Map.of("y", "x", "z", true));
        b.put("b", 1);
        assertThat(CanonicalJson.string(a)).isEqualTo("{\"a\":{\"y\":\"x\",\"z\":true},\"b\":1}")
                .isEqualTo(CanonicalJson.string(b));
        assertThat(CanonicalJson.bytes(a)).isEqualTo(CanonicalJson.bytes(b));
    }

    @Test
    void ordersKeysByUtf16CodeUnitsAsRfc8785() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("名称", 1);
        map.put("Z", 2);
        map.put("a", 3);
        assertThat(CanonicalJson.string(map)).isEqualTo("{\"Z\":2,\"a\":3,\"名称\":1}");
    }

    @Test
    void escapesOnlyWhatJsonRequiresAndKeepsChineseAsUtf8() {
        assertThat(CanonicalJson.string("营业执照 \"x\"\\\n\u0001/"))
                .isEqualTo("\"营业执照 \\\"x\\\"\\\\\\n\\u0001/\"");
    }

    @Test
    void writesNumbersAsPlainDecimalsWithoutTrailingZeros() {
        assertThat(CanonicalJson.string(Arrays.asList(new BigDecimal("12.50"), new BigDecimal("1E+3"), 0.1, 7L,
                new BigDecimal("0.000"), null))).isEqualTo("[12.5,1000,0.1,7,0,null]");
    }

    @Test
    void refusesValuesWithoutACanonicalForm() {
        assertThatThrownBy(() -> CanonicalJson.string(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.string(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
