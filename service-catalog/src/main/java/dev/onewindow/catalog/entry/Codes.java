package dev.onewindow.catalog.entry;

/** Shapes of the codes entries refer to; shared by request validation and the domain checks. */
public final class Codes {

    /** Department codes as registered in the catalog (e.g. {@code SCJGJ}). */
    public static final String DEPARTMENT = "[A-Z0-9]{2,20}";
    /** E-license type codes as e-license knows them (e.g. {@code YYZZ}, {@code SPJYXKZ}). */
    public static final String LICENSE_TYPE = "[A-Z0-9]{2,20}";
    /** A material's code within its entry (e.g. {@code M01}). */
    public static final String MATERIAL = "[A-Z0-9]{1,10}";
    /** A form field a rule reads, e.g. {@code age} or {@code applicant.residenceMonths}. */
    public static final String FORM_FIELD = "[A-Za-z][A-Za-z0-9_.]{0,49}";
    public static final String REGION = "\\d{6}";

    private Codes() {
    }
}
