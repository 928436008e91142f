package dev.onewindow.catalog.demo;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.onewindow.catalog.entry.ApprovalRule;
import dev.onewindow.catalog.entry.EntryContent;
import dev.onewindow.catalog.entry.EntryDraft;
import dev.onewindow.catalog.entry.ResultKind;
import dev.onewindow.catalog.entry.RuleType;
import dev.onewindow.catalog.bundle.web.CreateBundleRequest;
import dev.onewindow.catalog.entry.web.DraftEntryRequest;
import dev.onewindow.catalog.item.BasicCode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo catalog the local stack loads is valid and has what the local stack's demo needs (docs/domain.md, section
 * "service-catalog") — checked without starting it.
 */
class DemoCatalogTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static DemoCatalog catalog;
    private static JsonNode file;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = DemoCatalogTest.class.getResourceAsStream("/demo/catalog.json")) {
            file = JSON.readTree(in);
        }
        catalog = JSON.treeToValue(file, DemoCatalog.class);
    }

    @Test
    void passesTheSameValidationAsAnAdminsInput() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            assertThat(validator.validate(catalog)).isEmpty();
            // and literally the API's request validation: each entry and bundle read as an admin's request body
            for (JsonNode entry : file.get("entries")) {
                assertThat(validator.validate(JSON.treeToValue(entry, DraftEntryRequest.class))).as(entry.toString())
                        .isEmpty();
            }
            for (JsonNode bundle : file.get("bundles")) {
                assertThat(validator.validate(JSON.treeToValue(bundle, CreateBundleRequest.class)))
                        .as(bundle.toString()).isEmpty();
            }
        }
        Map<String, DemoCatalog.DemoItem> items = catalog.items().stream()
                .collect(Collectors.toMap(DemoCatalog.DemoItem::basicCode, Function.identity()));
        for (EntryDraft entry : catalog.entries()) {
            BasicCode.of(entry.basicCode());
            assertThat(items).as("item of " + entry.name()).containsKey(entry.basicCode());
            content(entry, items.get(entry.basicCode())).check();
        }
    }

    @Test
    void hasAtLeastThirtyEntriesAcrossFiveDepartmentsOfTheCity() {
        Map<String, String> regions = catalog.departments().stream()
                .collect(Collectors.toMap(DemoCatalog.DemoDepartment::code, DemoCatalog.DemoDepartment::region));
        assertThat(catalog.entries()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(catalog.entries().stream().map(EntryDraft::departmentCode)
                .filter(d -> "341300".equals(regions.get(d))).distinct()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(regions).containsEntry("SCJGJ", "341300").containsEntry("GAJ", "341300")
                .containsEntry("WSJKW", "341300").containsEntry("RSJ", "341300").containsEntry("ZRZYJ", "341300")
                .containsEntry("SJZYJ", "341300").containsEntry("YQSCJGJ", "341302");
        long codes = catalog.entries().stream().map(e -> e.basicCode() + regions.get(e.departmentCode())
                + e.departmentCode()).distinct().count();
        assertThat(codes).as("implementation codes are unique").isEqualTo(catalog.entries().size());
    }

    @Test
    void hasAnAutoApprovalEntryAnImmediateOneAndManyMentioningTheBusinessLicense() {
        EntryDraft auto = catalog.entries().stream()
                .filter(e -> e.autoApproval() != null && e.autoApproval().isEnabled()).findFirst().orElseThrow();
        assertThat(auto.autoApproval().rules()).extracting(ApprovalRule::type)
                .contains(RuleType.LICENSE_VALID, RuleType.FIELD_RANGE);
        assertThat(auto.autoApproval().rules()).anyMatch(r -> "JMSFZ".equals(r.licenseType()));
        assertThat(auto.result().kind()).isEqualTo(ResultKind.LICENSE);
        assertThat(auto.result().licenseType()).isEqualTo("JZZ");
        assertThat(catalog.entries()).anyMatch(e -> e.promisedLimitDays() == 0);
        assertThat(catalog.entries().stream().filter(e -> e.description().contains("营业执照")
                && !e.description().startsWith("营业执照"))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theBirthBundleHasThreeMembersInThreeDepartmentsLedByHealth() {
        var bundle = catalog.bundles().stream().filter(b -> b.code().equals("CSYJS")).findFirst().orElseThrow();
        assertThat(bundle.name()).isEqualTo("出生一件事");
        assertThat(bundle.leadDepartment()).isEqualTo("WSJKW");
        assertThat(bundle.members()).hasSize(3);
        assertThat(bundle.members()).extracting(m -> m.substring(16)).containsExactly("WSJKW", "GAJ", "RSJ");
    }

    @Test
    void everyLicenseTypeUsedIsListed() {
        Set<String> listed = catalog.licenseTypes().stream().map(DemoCatalog.LicenseType::code)
                .collect(Collectors.toSet());
        Set<String> used = new HashSet<>();
        for (EntryDraft e : catalog.entries()) {
            e.materials().forEach(m -> used.addAll(m.acceptedLicenseTypes()));
            if (e.result().licenseType() != null) {
                used.add(e.result().licenseType());
            }
            if (e.autoApproval() != null) {
                e.autoApproval().rules().stream().map(ApprovalRule::licenseType).filter(t -> t != null)
                        .forEach(used::add);
            }
        }
        assertThat(listed).containsAll(used);
        assertThat(listed).contains("YYZZ", "SPJYXKZ", "JZZ", "CSYXZM", "SBK", "BDCQZ", "JMSFZ");
    }

    private static EntryContent content(EntryDraft d, DemoCatalog.DemoItem item) {
        List<String> topics = d.topics() != null ? d.topics()
                : java.util.stream.Stream.concat(item.lifeEvents().stream(), item.enterpriseTopics().stream())
                        .distinct().toList();
        return new EntryContent(d.name(), d.description(), d.acceptanceConditions(),
                d.applicantTypes() == null ? item.applicantTypes() : d.applicantTypes(), topics, d.materials(),
                d.statutoryLimitDays(), d.promisedLimitDays(), d.fee(), d.onlineDepth(), d.visits(),
                d.crossProvince(), d.proactive(), d.autoApproval(), d.result(), d.steps());
    }
}
