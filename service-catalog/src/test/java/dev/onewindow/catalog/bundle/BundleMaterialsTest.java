package dev.onewindow.catalog.bundle;

import java.util.List;

import dev.onewindow.catalog.bundle.MergedMaterial.MaterialRef;
import dev.onewindow.catalog.entry.Material;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BundleMaterialsTest {

    private static final String BIRTH_CERT = "GG00901000341300WSJKW";
    private static final String HUKOU = "QR00701000341300GAJ";
    private static final String SSCARD = "GG01501000341300RSJ";

    @Test
    void aMaterialSeveralMembersNeedIsAskedOnce() {
        List<MergedMaterial> merged = BundleMaterials.merge(List.of(
                member(BIRTH_CERT, material("M02", "母亲居民身份证", true, 0, 1, "JMSFZ")),
                member(HUKOU, material("M01", "出生医学证明", true, 0, 1, "CSYXZM"),
                        material("M03", "居民户口簿", true, 1, 0, "JMHKB")),
                member(SSCARD, material("M01", "居民户口簿", true, 0, 1, "JMHKB"),
                        material("M02", "出生医学证明", false, 0, 2, "CSYXZM"))));

        assertThat(merged).extracting(MergedMaterial::name).containsExactly("母亲居民身份证", "出生医学证明", "居民户口簿");
        assertThat(merged).extracting(MergedMaterial::code).containsExactly("B01", "B02", "B03");
        MergedMaterial birth = merged.get(1);
        assertThat(birth.required()).as("required by one member is required").isTrue();
        assertThat(birth.copies()).as("the largest count asked").isEqualTo(2);
        assertThat(birth.acceptedLicenseTypes()).containsExactly("CSYXZM");
        assertThat(birth.requiredBy()).containsExactly(new MaterialRef(HUKOU, "M01"), new MaterialRef(SSCARD, "M02"));
        MergedMaterial hukou = merged.get(2);
        assertThat(hukou.originals()).isEqualTo(1);
        assertThat(hukou.copies()).isEqualTo(1);
    }

    @Test
    void namesAreComparedAfterNormalisation() {
        List<MergedMaterial> merged = BundleMaterials.merge(List.of(
                member(HUKOU, material("M01", "营业执照 ", true, 0, 1, "YYZZ")),
                member(SSCARD, material("M09", "营业执照", true, 0, 1, "YYZZ"))));
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).name()).isEqualTo("营业执照");
    }

    @Test
    void anELicenseReplacesTheMergedMaterialOnlyIfEveryMemberAcceptsIt() {
        List<MergedMaterial> merged = BundleMaterials.merge(List.of(
                member(HUKOU, material("M01", "不动产权证书", true, 0, 1, "BDCQZ", "BDCDJZM")),
                member(SSCARD, material("M01", "不动产权证书", true, 0, 1, "BDCQZ")),
                member(BIRTH_CERT, material("M01", "不动产权证书", true, 0, 1))));
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).acceptedLicenseTypes()).as("the third member wants the paper").isEmpty();
    }

    @Test
    void aMaterialOnlyConditionallyNeededStaysConditionalWithTheMembersConditions() {
        Material a = new Material("M04", "结婚证", false, "父母已登记结婚的提交", 0, 1, null, List.of("JHZ"));
        Material b = new Material("M02", "结婚证", false, "已婚的提交", 0, 1, null, List.of("JHZ"));
        List<MergedMaterial> merged = BundleMaterials.merge(List.of(member(HUKOU, a), member(BIRTH_CERT, b)));
        assertThat(merged.get(0).required()).isFalse();
        assertThat(merged.get(0).condition()).isEqualTo("父母已登记结婚的提交；已婚的提交");
    }

    @Test
    void twoSameNamedMaterialsOfOneMemberAreTwoDocuments() {
        List<MergedMaterial> merged = BundleMaterials.merge(List.of(
                member(HUKOU, material("M01", "居民身份证", true, 0, 1, "JMSFZ"),
                        material("M02", "居民身份证", true, 0, 1, "JMSFZ")),
                member(SSCARD, material("M01", "居民身份证", true, 0, 1, "JMSFZ"))));
        assertThat(merged).hasSize(2);
        assertThat(merged.get(0).requiredBy()).containsExactly(new MaterialRef(HUKOU, "M01"),
                new MaterialRef(SSCARD, "M01"));
        assertThat(merged.get(1).requiredBy()).containsExactly(new MaterialRef(HUKOU, "M02"));
    }

    @Test
    void differentMaterialsStaySeparateEvenIfTheyAcceptTheSameLicenseType() {
        // the father's and the mother's ID card are two documents, though both accept JMSFZ
        List<MergedMaterial> merged = BundleMaterials.merge(List.of(
                member(BIRTH_CERT, material("M02", "母亲居民身份证", true, 0, 1, "JMSFZ")),
                member(HUKOU, material("M02", "父亲居民身份证", true, 0, 1, "JMSFZ"))));
        assertThat(merged).hasSize(2);
    }

    private static MemberSnapshot member(String code, Material... materials) {
        return new MemberSnapshot(code, 1, code.substring(16), "entry " + code, List.of(materials));
    }

    private static Material material(String code, String name, boolean required, int originals, int copies,
            String... licenses) {
        return new Material(code, name, required, required ? null : "需要时提交", originals, copies, null,
                List.of(licenses));
    }
}
