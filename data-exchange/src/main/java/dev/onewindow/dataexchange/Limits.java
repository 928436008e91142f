package dev.onewindow.dataexchange;

/** Sizes and formats of what data-exchange's API takes and answers, in one place for the checks and the documents. */
public final class Limits {

    /** A share request, grant, subscription, objection or dataset record id (UUID). */
    public static final int ID_LENGTH = 36;
    public static final String ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    /** A resource code: the providing department's code, a dash, the resource's own code ({@code RSJ-SBJL}). */
    public static final String RESOURCE_CODE = "^[A-Z0-9]{2,16}-[A-Z0-9]{2,16}$";
    public static final int RESOURCE_CODE_LENGTH = 33;
    public static final String DEPARTMENT = "^[A-Z0-9]{2,16}$";
    /** A field name of a resource (the provider's column). */
    public static final String FIELD = "^[a-z][A-Za-z0-9]{0,31}$";
    public static final int FIELDS = 50;
    /** A registered provider adapter's name (configuration key). */
    public static final String ADAPTER = "^[a-z][a-z0-9-]{0,31}$";
    /** An access-log entry id: lane and sequence ({@code 03:000000000042}). */
    public static final String ACCESS_ID = "^\\d{2}:\\d{12}$";
    public static final int NAME = 100;
    public static final int TEXT = 1000;
    public static final int VALUE = 200;
    public static final int RECORDS_PER_PUSH = 500;
    public static final int RECORDS_PER_ANSWER = 100;
    public static final int PAGE_SIZE = 100;
    public static final int MAX_PAGE = 10_000;
    public static final int MAX_LANES = 64;
    public static final long MAX_SEQ = 999_999_999_999L;

    private Limits() {
    }
}
