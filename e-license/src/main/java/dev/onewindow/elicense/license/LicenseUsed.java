package dev.onewindow.elicense.license;

import java.util.List;

/**
 * {@code license.used} (用证记录): a department read the licence with the holder's authorization. Names the fields
 * disclosed, never their values: {@code disclosedFields} every field the reader got, {@code disclosedInFull} those it
 * got in full (the others were personal fields the holder did not choose, and the reader saw them masked).
 */
public record LicenseUsed(String licenseId, String typeCode, String issuerDepartment, String region,
        String usedByDepartment, String caseRef, String channel, List<String> disclosedFields,
        List<String> disclosedInFull) {
}
