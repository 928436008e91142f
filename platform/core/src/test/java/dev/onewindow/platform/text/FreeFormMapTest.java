package dev.onewindow.platform.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreeFormMapTest {

    private static void check(Map<String, Object> form) {
        FreeFormMap.require(form, "formData", FreeFormMap.Limits.DEFAULT);
    }

    @Test
    void aPlainFormPasses() {
        assertThatCode(() -> check(Map.of("entityName", "示范餐饮", "capital", 50, "owners", List.of(Map.of(
                "name", "张三", "share", 0.5)), "note", "two\nlines", "agreed", true))).doesNotThrowAnyException();
        assertThatCode(() -> FreeFormMap.require(null, "formData", FreeFormMap.Limits.DEFAULT))
                .doesNotThrowAnyException();
    }

    @Test
    void keysThatWouldBecomeOperatorsOrPathsAreRefused() {
        for (String key : List.of("$where", "a.b", "a\u0000b", "", "1abc", "k".repeat(65), "a b", "名字")) {
            assertThatThrownBy(() -> check(Map.of(key, 1))).as(key)
                    .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("code", "INVALID_FORM_FIELD");
        }
        assertThatThrownBy(() -> check(Map.of("outer", Map.of("$set", Map.of("status", "COMPLETED")))))
                .hasMessageContaining("formData.outer.$set");
    }

    @Test
    void depthSizeAndValuesAreBounded() {
        Map<String, Object> deep = new HashMap<>(Map.of("a", 1));
        for (int i = 0; i < 90; i++) {
            deep = new HashMap<>(Map.of("a", deep));
        }
        Map<String, Object> tooDeep = deep;
        assertThatThrownBy(() -> check(tooDeep)).hasFieldOrPropertyWithValue("code", "INVALID_FORM_FIELD");
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            many.put("f" + i, i);
        }
        assertThatThrownBy(() -> check(many)).hasFieldOrPropertyWithValue("code", "FORM_TOO_LARGE");
        assertThatThrownBy(() -> check(Map.of("v", "x".repeat(100_000))))
                .hasFieldOrPropertyWithValue("code", "INVALID_FORM_FIELD");
        assertThatThrownBy(() -> check(Map.of("v", "abc\u202Efdp.exe")))
                .hasFieldOrPropertyWithValue("code", "INVALID_FORM_FIELD");
        assertThatThrownBy(() -> check(Map.of("v", Double.NaN)))
                .hasFieldOrPropertyWithValue("code", "INVALID_FORM_FIELD");
    }
}
