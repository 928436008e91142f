package dev.onewindow.elicense.license;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LicenseContentTest {

    private static LicenseContent content(Map<String, Object> fields) {
        return new LicenseContent("BDCQZ34130000000003", "BDCQZ", "ab".repeat(32), fields, "ZRZYJ", "341300",
                LocalDate.of(2026, 3, 2), null, 2, "BDCQZ34130000000001", Instant.parse("2026-03-02T02:00:00.123Z"),
                "ES256", "zrzyj-2026", "c2FsdA");
    }

    @Test
    void theCanonicalFormIsTheSameWhateverOrderTheFieldsCameInAndReadsBack() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("owner", "张伟");
        one.put("area", new BigDecimal("89.50"));
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("area", new BigDecimal("89.5"));
        other.put("owner", "张伟");

        byte[] canonical = content(one).canonicalBytes();

        assertThat(canonical).isEqualTo(content(other).canonicalBytes());
        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo("{\"fields\":{\"area\":89.5,"
                + "\"owner\":\"张伟\"},\"format\":\"onewindow-license/1\",\"holderRef\":\"" + "ab".repeat(32)
                + "\",\"issuedAt\":\"2026-03-02T02:00:00.123Z\",\"issuer\":{\"department\":\"ZRZYJ\",\"region\":"
                + "\"341300\"},\"licenseId\":\"BDCQZ34130000000003\",\"previousLicenseId\":\"BDCQZ34130000000001\","
                + "\"salt\":\"c2FsdA\",\"seal\":{\"alg\":\"ES256\",\"kid\":\"zrzyj-2026\"},\"typeCode\":\"BDCQZ\","
                + "\"validity\":{\"from\":\"2026-03-02\",\"until\":null},\"version\":2}");
        LicenseContent read = LicenseContent.parse(canonical);
        assertThat(read).isEqualTo(content(other));
        assertThat(read.canonicalBytes()).isEqualTo(canonical);
    }

    @Test
    void somethingElseIsNotACanonicalForm() {
        assertThatThrownBy(() -> LicenseContent.parse("{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
