package dev.onewindow.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.domain.InvalidInputException;
import dev.onewindow.platform.text.MultiLineText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyTextPolicyTest {

    record Item(String name, @MultiLineText String note) {
    }

    record Order(String title, List<Item> items, Map<String, Object> form, BigDecimal amount, Double ratio) {
    }

    private static void check(Object body) {
        RequestBodyTextPolicy.check(body, "$", false, 0);
    }

    @Test
    void everyStringOfTheBodyIsChecked_NestedAndInLists() {
        assertThatCode(() -> check(new Order("订单", List.of(new Item("tea", "two\nlines")), Map.of("a", "b"),
                new BigDecimal("12.50"), 0.5))).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(new Order("a\u0000", List.of(), null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'title'");
        assertThatThrownBy(() -> check(new Order("ok", List.of(new Item("x", null), new Item("abc\u202Efdp.exe",
                null)), null, null, null))).hasMessageContaining("'items[1].name'");
        assertThatThrownBy(() -> check(new Order("ok", List.of(new Item("two\nlines", null)), null, null, null)))
                .hasMessageContaining("'items[0].name'");
        assertThatThrownBy(() -> check(new Order("ok", List.of(), Map.of("$where", 1), null, null)))
                .hasFieldOrPropertyWithValue("code", "INVALID_FORM_FIELD");
    }

    @Test
    void numbersArePlausible() {
        assertThatThrownBy(() -> check(new Order("ok", List.of(), null, new BigDecimal("1e999999999"), null)))
                .hasFieldOrPropertyWithValue("code", "INVALID_NUMBER").hasMessageContaining("'amount'");
        assertThatThrownBy(() -> check(new Order("ok", List.of(), null, new BigDecimal("1" + "0".repeat(100)), null)))
                .hasFieldOrPropertyWithValue("code", "INVALID_NUMBER");
        assertThatThrownBy(() -> check(new Order("ok", List.of(), null, null, Double.POSITIVE_INFINITY)))
                .hasFieldOrPropertyWithValue("code", "INVALID_NUMBER");
        assertThatThrownBy(() -> RequestBodyTextPolicy.checkNumber(BigInteger.TWO.pow(1000), "n"))
                .hasFieldOrPropertyWithValue("code", "INVALID_NUMBER");
    }
}
