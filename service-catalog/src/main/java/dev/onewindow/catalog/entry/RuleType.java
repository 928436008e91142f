package dev.onewindow.catalog.entry;

/** The checks an auto-approval (秒批) rule set is made of; case-handling evaluates them. */
public enum RuleType {
    /** The applicant presents a valid e-license of {@code licenseType}. */
    LICENSE_VALID,
    /** The numeric form field {@code field} lies within [{@code min}, {@code max}] (either bound may be absent). */
    FIELD_RANGE,
    /** The form field {@code field} equals {@code value}. */
    FIELD_EQUALS
}
