package dev.onewindow.catalog.limits;

/** Formats of the codes the catalog is built on, each with its greatest length. */
public final class Codes {

    /**
     * A basic item's code: item type (XK, QR, JF, JL, CJ, ZS, QT or GG) + 5-digit main item + 3-digit sub-item
     * ({@code 000} if none), e.g. {@code XK00105000}.
     */
    public static final String BASIC = "(XK|QR|JF|JL|CJ|ZS|QT|GG)\\d{5}\\d{3}";
    public static final int BASIC_LENGTH = 10;
    /** Administrative region codes (6 digits, e.g. {@code 341300}). */
    public static final String REGION = "\\d{6}";
    public static final int REGION_LENGTH = 6;
    /** Department codes as registered in the catalog (e.g. {@code SCJGJ}). */
    public static final String DEPARTMENT = "[A-Z0-9]{2,20}";
    public static final int DEPARTMENT_MAX = 20;
    /** An implementation list entry: basic code + region + department, e.g. {@code XK00105000341300SCJGJ}. */
    public static final String IMPLEMENTATION = BASIC + REGION + DEPARTMENT;
    public static final int IMPLEMENTATION_MAX = BASIC_LENGTH + REGION_LENGTH + DEPARTMENT_MAX;
    /** Bundle codes (e.g. {@code CSYJS}). */
    public static final String BUNDLE = "[A-Z0-9]{2,20}";
    public static final int BUNDLE_MAX = 20;
    /** E-license type codes as e-license knows them (e.g. {@code YYZZ}, {@code SPJYXKZ}). */
    public static final String LICENSE_TYPE = "[A-Z0-9]{2,20}";
    public static final int LICENSE_TYPE_MAX = 20;
    /** A material's code within its entry (e.g. {@code M01}). */
    public static final String MATERIAL = "[A-Z0-9]{1,10}";
    public static final int MATERIAL_MAX = 10;
    /** A material of a bundle's merged list: {@code B01}, {@code B02} … (at most members × materials of them). */
    public static final String MERGED_MATERIAL = "B\\d{2,4}";
    public static final int MERGED_MATERIAL_MAX = 5;
    /** A form field a rule reads, e.g. {@code age} or {@code applicant.residenceMonths}. */
    public static final String FORM_FIELD = "[A-Za-z][A-Za-z0-9_.]{0,49}";
    public static final int FORM_FIELD_MAX = 50;
    /**
     * The name of a field of an entry's application form (its key in the applicant's {@code formData}), e.g.
     * {@code idNumber}: a plain name, so it is also a valid key of the platform's free-form maps.
     */
    public static final String FORM_FIELD_NAME = "[A-Za-z_][A-Za-z0-9_-]{0,63}";
    public static final int FORM_FIELD_NAME_MAX = 64;
    /** The version of an auto-approval rule set, e.g. {@code 2026-1}. */
    public static final String RULE_SET_VERSION = "[A-Za-z0-9._-]{1,20}";
    public static final int RULE_SET_VERSION_MAX = 20;

    private Codes() {
    }
}
