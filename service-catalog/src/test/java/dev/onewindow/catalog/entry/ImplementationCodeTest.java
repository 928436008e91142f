package dev.onewindow.catalog.entry;

import dev.onewindow.catalog.item.BasicCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImplementationCodeTest {

    @Test
    void isBasicCodePlusRegionPlusDepartment() {
        String code = ImplementationCode.of(BasicCode.of("XK00105000"), "341300", "SCJGJ");
        assertThat(code).isEqualTo("XK00105000341300SCJGJ");
        assertThat(ImplementationCode.isValid(code)).isTrue();
        assertThat(ImplementationCode.departmentOf(code)).isEqualTo("SCJGJ");
        assertThat(ImplementationCode.regionOf(code)).isEqualTo("341300");
    }

    @Test
    void rejectsMalformedCodes() {
        assertThat(ImplementationCode.isValid("XK00105000341300")).isFalse();
        assertThat(ImplementationCode.isValid("XK0010500034130SCJGJ")).isFalse();
        assertThat(ImplementationCode.isValid("XX00105000341300SCJGJ")).isFalse();
        assertThat(ImplementationCode.isValid("XK00105000341300scjgj")).isFalse();
        assertThat(ImplementationCode.isValid(null)).isFalse();
    }
}
