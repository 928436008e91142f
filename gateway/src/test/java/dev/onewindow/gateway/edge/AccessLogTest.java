package dev.onewindow.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessLogTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/cases/C-2026-000123, /api/v1/cases/C-2026-000123",
            "/api/v1/cases/by-applicant/110105199003071234, /api/v1/cases/by-applicant/***",
            "/api/v1/cases/by-applicant/11010519900307123X/items, /api/v1/cases/by-applicant/***/items",
            "/api/v1/hotline/callers/13812345678, /api/v1/hotline/callers/***",
            "/api/v1/hotline/callers/1381234567, /api/v1/hotline/callers/1381234567",
            "/a/13812345678/b/110105199003071234, /a/***/b/***",
            "/, /"})
    void longDigitRunsAreMaskedInLoggedPaths(String path, String logged) {
        assertThat(AccessLog.maskedPath(path)).isEqualTo(logged);
    }
}
