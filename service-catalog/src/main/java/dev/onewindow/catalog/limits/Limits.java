package dev.onewindow.catalog.limits;

/** Sizes of the catalog's free text, lists and numbers. */
public final class Limits {

    /** Name of a service item or of an entry version. */
    public static final int NAME = 200;
    /** Long text: descriptions, acceptance conditions, legal basis. */
    public static final int TEXT = 4000;
    /** A short note: a material's condition or form template, a fee's basis, the reason for suspending. */
    public static final int NOTE = 500;
    /** A topic (life event or enterprise life-cycle stage). */
    public static final int TOPIC = 20;
    /** Topics of an item or an entry, and life events or enterprise topics of an item (each list). */
    public static final int TOPICS = 20;
    /** Topics an entry shows: its own, or by default its item's life events and enterprise topics together. */
    public static final int ENTRY_TOPICS = 2 * TOPICS;
    /** A search keyword. */
    public static final int KEYWORD = 50;
    /** Applicant types (natural person, legal person). */
    public static final int APPLICANT_TYPES = 2;
    /** Materials of one entry version. */
    public static final int MATERIALS = 100;
    /** Name of a material. */
    public static final int MATERIAL_NAME = 200;
    /** Originals or copies of a material. */
    public static final int COPIES = 99;
    /** E-license types accepted in place of one material. */
    public static final int LICENSE_TYPES = 20;
    /** Statutory, promised and step limits in working days (two years). */
    public static final int LIMIT_DAYS = 730;
    /** Process steps of one entry version, and the length of a step's name. */
    public static final int STEPS = 20;
    public static final int STEP_NAME = 50;
    /** Online depth: 1 (information online) to 4 (全程网办). */
    public static final int ONLINE_DEPTH_MIN = 1;
    public static final int ONLINE_DEPTH_MAX = 4;
    /** Visits to a service hall an applicant makes: 0 to 2. */
    public static final int VISITS = 2;
    /** Rules of one auto-approval rule set, and the length of a rule's expected value. */
    public static final int RULES = 20;
    public static final int RULE_VALUE = 200;
    /**
     * A bound of a numeric rule (a form field's range): at most 15 integer and 6 fraction digits, so it is stored
     * exactly (Decimal128 holds 34 digits) and no exponent like {@code 1e999999999} is ever written out.
     */
    public static final String RULE_NUMBER_MAX = "999999999999999.999999";
    public static final String RULE_NUMBER_MIN = "-" + RULE_NUMBER_MAX;
    public static final int RULE_NUMBER_INTEGER_DIGITS = 15;
    public static final int RULE_NUMBER_FRACTION_DIGITS = 6;
    /** Fields of one entry version's application form, and the length of a field's label. */
    public static final int FORM_FIELDS = 100;
    public static final int FORM_FIELD_LABEL = 100;
    /** Distinct people who edited one version's content (its authors, none of whom may publish it). */
    public static final int EDITORS = 100;
    /** Display name of a case's result. */
    public static final int RESULT_NAME = 100;
    /** Largest fee in yuan, and its digits. */
    public static final String FEE_MAX = "100000000";
    public static final int FEE_INTEGER_DIGITS = 9;
    public static final int FEE_FRACTION_DIGITS = 2;
    /**
     * Version numbers of an entry that can be read. No entry reaches it: an entry with all its versions is one
     * document of at most 16 MB, and a stored version takes well over 200 bytes (its field names alone), so fewer
     * than 84,000 versions fit.
     */
    public static final int VERSIONS = 100_000;
    /** Name of a bundle or of a department. */
    public static final int SHORT_NAME = 100;
    /** Members of one bundle. */
    public static final int MEMBERS = 20;
    /** Materials of a bundle's merged list: at most every material of every member. */
    public static final int MERGED_MATERIALS = MEMBERS * MATERIALS;
    /** A merged material's condition: the members' conditions, joined by one separator each. */
    public static final int MERGED_CONDITION = MEMBERS * (NOTE + 1);
    /** Departments one list answers (a city has fewer than a hundred). */
    public static final int DEPARTMENTS = 1000;
    /** Years the calendar can be read or maintained for. */
    public static final int YEAR_MIN = 1900;
    public static final int YEAR_MAX = 2200;
    /** Holidays or make-up working days of one year. */
    public static final int DAYS_OF_YEAR = 366;

    private Limits() {
    }
}
