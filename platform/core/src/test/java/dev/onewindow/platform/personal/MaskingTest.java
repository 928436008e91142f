package dev.onewindow.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void idNumberKeepsRegionAndLastFour() {
        assertThat(Masking.idNumber("110105194912311234")).isEqualTo("110105********1234");
        assertThat(Masking.idNumber("11010519491231002x")).isEqualTo("110105********002x");
        assertThat(Masking.idNumber("110105491231123")).as("legacy 15 digits").isEqualTo("110105*****1123");
    }

    @Test
    void idNumberOfAnUnexpectedShapeIsMaskedCompletely() {
        assertThat(Masking.idNumber("1101051949123")).isEqualTo("*************");
        assertThat(Masking.idNumber("11010519491231123A")).isEqualTo("******************");
        assertThat(Masking.idNumber("")).isEmpty();
        assertThat(Masking.idNumber(null)).isNull();
    }

    @Test
    void mobileKeepsFirstThreeAndLastFour() {
        assertThat(Masking.mobile("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.mobile("+8613812345678")).isEqualTo("**************");
        assertThat(Masking.mobile("010-1234")).isEqualTo("********");
        assertThat(Masking.mobile(null)).isNull();
    }

    @Test
    void nameKeepsOnlyTheFirstCharacter() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("李")).isEqualTo("*");
        assertThat(Masking.name("买买提·艾力")).isEqualTo("买*****");
        assertThat(Masking.name("𠮷田")).as("a supplementary-plane character is not split").isEqualTo("𠮷*");
        assertThat(Masking.name("")).isEmpty();
        assertThat(Masking.name(null)).isNull();
    }

    @org.junit.jupiter.api.Test
    void numbersInsideFreeTextAreMaskedAndTheRestIsKept() {
        org.assertj.core.api.Assertions.assertThat(Masking.inText("请回电13812345678，身份证11010519491231002X，门牌20号"))
                .isEqualTo("请回电138****5678，身份证110105********002X，门牌20号");
        // a longer run of digits (an order number) is no phone number
        org.assertj.core.api.Assertions.assertThat(Masking.inText("工单1234520260213000001")).isEqualTo(
                "工单1234520260213000001");
        org.assertj.core.api.Assertions.assertThat(Masking.inText(null)).isNull();
    }
}
