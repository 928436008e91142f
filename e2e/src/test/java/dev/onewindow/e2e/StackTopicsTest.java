package dev.onewindow.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The privacy check of the scenarios finds personal data in clear, and only that. */
class StackTopicsTest {

    @Test
    void findsAnIdNumberWithARightCheckDigitAndAMobileNumberWherever() {
        assertThat(StackTopics.personalDataIn("{\"applicant\":\"341302199003071234\"}"))
                .containsExactly("341302199003071234");
        assertThat(StackTopics.personalDataIn("{\"note\":\"身份证11010519491231002X已核\"}"))
                .containsExactly("11010519491231002X");
        assertThat(StackTopics.personalDataIn("{\"text\":\"请回电13812345678\"}")).containsExactly("13812345678");
        assertThat(StackTopics.personalDataIn("{\"name\":\"王芳\"}", "王芳")).containsExactly("王芳");
    }

    @Test
    void leavesMaskedValuesLongerNumbersAndHashesAlone() {
        assertThat(StackTopics.personalDataIn("{\"applicant\":\"341302********1234\",\"mobile\":\"138****5678\"}"))
                .isEmpty();
        // a 12345 order number (19 digits), a case number (22), an 18-digit number with a wrong check digit
        assertThat(StackTopics.personalDataIn("{\"orderNo\":\"1234520261205000123\","
                + "\"caseNo\":\"3413022026120500000017\",\"n\":\"341302199003071235\"}")).isEmpty();
        assertThat(StackTopics.personalDataIn("{\"hash\":\"a13812345678b0c341302199003071234f\"}")).isEmpty();
    }
}
