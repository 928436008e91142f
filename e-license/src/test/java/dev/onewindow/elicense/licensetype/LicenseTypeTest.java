package dev.onewindow.elicense.licensetype;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LicenseTypeTest {

    private static final List<LicenseType> SEED = LicenseTypes.seed(JsonMapper.builder().build());

    private static LicenseType type(String code) {
        return SEED.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theSeedHasTheCatalogsDemoResultTypesWithTheirIssuers() {
        // the codes of docs/service-contracts.md ("E-license type codes the catalog uses")
        assertThat(SEED).extracting(LicenseType::code).containsExactlyInAnyOrder("YYZZ", "SPJYXKZ", "SPSCXKZ",
                "TZSBSYDJZ", "JZZ", "CSYXZM", "YLJGZYXKZ", "GGCSWSXKZ", "HSZYZS", "SBK", "JYCYZ", "RLZYFWXKZ",
                "LWPQJYXKZ", "BDCQZ", "BDCDJZM", "JSGCGHXKZ", "JMSFZ", "JMHKB", "JHZ");
        assertThat(type("SPJYXKZ").issuingDepartments()).containsExactly("SCJGJ", "YQSCJGJ");
        assertThat(type("YYZZ").issuedBy("YQSCJGJ")).isTrue();
        assertThat(type("JZZ").issuingDepartments()).containsExactly("GAJ");
        assertThat(type("BDCQZ").primaryDepartment()).isEqualTo("ZRZYJ");
        assertThat(type("JMSFZ").personalFields()).contains("name", "idNumber");
        assertThat(type("YYZZ").personalFields()).containsExactly("legalRepresentative");
    }

    @Test
    void personalFieldsAreMaskedByKindAndOthersAreNot() {
        FieldSpec name = type("JMSFZ").field("name").orElseThrow();
        FieldSpec idNumber = type("JMSFZ").field("idNumber").orElseThrow();
        FieldSpec address = type("JMSFZ").field("address").orElseThrow();
        FieldSpec mobile = new FieldSpec("mobile", "手机号码", FieldType.STRING, false, true, null, FieldMask.MOBILE);
        assertThat(name.maskedIfPersonal("张三")).isEqualTo("张*");
        assertThat(idNumber.maskedIfPersonal("110105194912311234")).isEqualTo("110105********1234");
        assertThat(mobile.maskedIfPersonal("13812345678")).isEqualTo("138****5678");
        assertThat(address.maskedIfPersonal("安徽省宿州市埇桥区人民路1号")).isEqualTo("***");
        assertThat(type("YYZZ").field("legalRepresentative").orElseThrow().mask()).isEqualTo(FieldMask.NAME);
        assertThat(type("YYZZ").field("entityName").orElseThrow().maskedIfPersonal("示范餐饮")).isEqualTo("示范餐饮");
        // every personal name of the catalogue keeps its first character, nothing else does
        SEED.stream().flatMap(t -> t.fields().stream()).filter(FieldSpec::personal).forEach(f -> assertThat(f.mask())
                .as(f.name()).isEqualTo(f.type() == FieldType.ID_NUMBER ? FieldMask.ID_NUMBER
                        : f.name().toLowerCase().endsWith("name") || f.name().equals("legalRepresentative")
                        || f.name().equals("principal") || f.name().equals("owner") || f.name().equals("rightHolder")
                        || f.name().equals("obligor") ? FieldMask.NAME : FieldMask.ALL));
    }

    @Test
    void validityIsAPeriodEndingTheDayBeforeTheAnniversaryOrPermanent() {
        assertThat(type("SPJYXKZ").validUntil(LocalDate.of(2026, 3, 2))).contains(LocalDate.of(2031, 3, 1));
        assertThat(type("GGCSWSXKZ").validUntil(LocalDate.of(2026, 1, 31))).contains(LocalDate.of(2030, 1, 30));
        assertThat(type("YYZZ").permanent()).isTrue();
        assertThat(type("YYZZ").validUntil(LocalDate.of(2026, 3, 2))).isEmpty();
    }

    @Test
    void typesIssuedFromCasesNeverRequireARawIdNumberBecauseCaseEventsCannotCarryOne() {
        for (String code : List.of("YYZZ", "SPJYXKZ", "SPSCXKZ", "TZSBSYDJZ", "JZZ", "CSYXZM", "YLJGZYXKZ",
                "GGCSWSXKZ", "HSZYZS", "SBK", "JYCYZ", "RLZYFWXKZ", "LWPQJYXKZ", "BDCQZ", "BDCDJZM", "JSGCGHXKZ")) {
            assertThat(type(code).fields()).as(code)
                    .noneMatch(f -> f.required() && f.type() == FieldType.ID_NUMBER);
        }
    }

    @Test
    void aValidFaceIsNormalised() {
        Map<String, Object> face = new HashMap<>(yyzz());
        face.put("uscc", "91341302ma2t4k7b8p");
        face.put("registeredCapital", 50.10);
        face.put("entityName", "  示范餐饮有限公司 ");

        Map<String, Object> normalised = type("YYZZ").validate(face, true);

        assertThat(normalised.get("uscc")).isEqualTo("91341302MA2T4K7B8P");
        assertThat(normalised.get("registeredCapital")).isEqualTo(new BigDecimal("50.1"));
        assertThat(normalised.get("entityName")).isEqualTo("示范餐饮有限公司");
        assertThat(List.copyOf(normalised.keySet())).isSorted();
    }

    @Test
    void everyWrongFieldIsListed() {
        Map<String, Object> face = new HashMap<>(yyzz());
        face.remove("entityName");
        face.put("uscc", "91341302MA2T4K7B8X");
        face.put("establishedOn", "2019-13-01");
        face.put("registeredCapital", "fifty");
        face.put("nickname", "x");

        assertThatThrownBy(() -> type("YYZZ").validate(face, true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_LICENSE_FIELDS");
                    @SuppressWarnings("unchecked")
                    List<FieldViolation> errors = (List<FieldViolation>) e.properties().get("errors");
                    assertThat(errors).extracting(v -> v.field() + ":" + v.code()).containsExactlyInAnyOrder(
                            "fields.entityName:REQUIRED", "fields.uscc:INVALID_VALUE",
                            "fields.establishedOn:INVALID_VALUE", "fields.registeredCapital:INVALID_VALUE",
                            "fields.nickname:UNKNOWN_FIELD");
                });
    }

    @Test
    void leniencyForEventsDropsUnknownFieldsButStillChecksTheRest() {
        Map<String, Object> face = new HashMap<>(yyzz());
        face.put("applicantMobile", "13800000000");
        assertThat(type("YYZZ").validate(face, false)).doesNotContainKey("applicantMobile");

        Map<String, Object> jmsfz = Map.of("name", "张伟", "sex", "未知", "ethnicity", "汉", "birthDate", "1990-03-07",
                "address", "x", "idNumber", "341302199003071235");
        assertThatThrownBy(() -> type("JMSFZ").validate(jmsfz, false)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).properties().get("errors").toString())
                        .contains("fields.sex", "fields.idNumber"));
    }

    @Test
    void aFaceHoldsNoControlOrBidiCharacterAndOnlyValidUnicodeWhicheverWayItComes() {
        // "abc\u202Efdp.exe" displays as "abcexe.pdf"; a NUL or a line break would print differently than it reads
        Map<String, String> hostile = Map.of("abc\u202Efdp.exe", "BIDI_CONTROL", "\u2066x\u2069", "BIDI_CONTROL",
                "a\u0000b", "CONTROL_CHARACTER", "示范\n(已核验)", "CONTROL_CHARACTER", "a\tb", "CONTROL_CHARACTER",
                "\u001B[31m红", "CONTROL_CHARACTER", "\uD800x", "INVALID_UNICODE", "x\uDFFF", "INVALID_UNICODE",
                "\uFFFE", "INVALID_UNICODE");
        hostile.forEach((text, code) -> {
            for (boolean rejectUnknown : new boolean[] {true, false}) {
                Map<String, Object> face = new HashMap<>(yyzz());
                face.put("entityName", text);
                assertThatThrownBy(() -> type("YYZZ").validate(face, rejectUnknown)).as(text)
                        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                            assertThat(e.code()).isEqualTo("INVALID_LICENSE_FIELDS");
                            @SuppressWarnings("unchecked")
                            List<FieldViolation> errors = (List<FieldViolation>) e.properties().get("errors");
                            assertThat(errors).extracting(v -> v.field() + ":" + v.code())
                                    .containsExactly("fields.entityName:" + code);
                        });
            }
        });
        // surrounding white space is trimmed as before; marks of mixed-direction text and any script stay allowed
        Map<String, Object> face = new HashMap<>(yyzz());
        face.put("entityName", " \t示范餐饮 \u200F😀 有限公司\r\n");
        assertThat(type("YYZZ").validate(face, true).get("entityName")).isEqualTo("示范餐饮 \u200F😀 有限公司");
    }

    @Test
    void aTypeOutsideTheCataloguesLimitsIsRefusedWhenItIsRead() {
        List<String> scjgj = List.of("SCJGJ");
        FieldSpec name = new FieldSpec("entityName", "名称", FieldType.STRING, true, false, null);
        assertThat(new LicenseType("YYZZ", "营业执照", scjgj, List.of(name), "P1Y6M").validity()).isEqualTo("P1Y6M");

        assertThatThrownBy(() -> new LicenseType("yyzz", "营业执照", scjgj, List.of(name), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LicenseType("YYZZ", "照".repeat(101), scjgj, List.of(name), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LicenseType("YYZZ", "营业执照", List.of("scjgj"), List.of(name), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LicenseType("YYZZ", "营业执照", scjgj, List.of(name), "PT5H"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LicenseType("YYZZ", "营业执照", scjgj, java.util.Collections.nCopies(101, name),
                null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldSpec("entity-name", "名称", FieldType.STRING, true, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldSpec("entityName", "名".repeat(101), FieldType.STRING, true, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldSpec("sex", "性别", FieldType.STRING, true, false,
                java.util.Collections.nCopies(101, "男"))).isInstanceOf(IllegalArgumentException.class);
    }

    static Map<String, Object> yyzz() {
        return Map.of("entityName", "示范餐饮有限公司", "uscc", "91341302MA2T4K7B8P", "entityType", "有限责任公司",
                "legalRepresentative", "赵强", "registeredCapital", 50, "establishedOn", "2019-05-20",
                "address", "宿州市埇桥区银河一路18号", "businessScope", "餐饮服务");
    }
}
