package dev.onewindow.hotline;

/** Sizes and formats of what hotline-12345's API takes and answers, in one place for the checks and the documents. */
public final class Limits {

    /** An order id (UUID). */
    public static final int ID_LENGTH = 36;
    public static final String ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    /** 工单编号: 12345 + yyyyMMdd + 6 digits. */
    public static final String ORDER_NO = "^12345\\d{14}$";
    public static final String CATEGORY = "^[A-Z][A-Z0-9-]{1,31}$";
    public static final String DEPARTMENT = "^[A-Z0-9]{2,16}$";
    public static final String REGION = "^\\d{6}$";
    public static final String KNOWLEDGE_ID = "^KB-[0-9A-Za-z-]{1,40}$";
    public static final String MOBILE = "^1[3-9]\\d{9}$";
    public static final int TEXT = 2000;
    public static final int REASON = 500;
    public static final int ADDRESS = 200;
    public static final int NAME = 50;
    public static final int HELPERS = 5;
    public static final int PAGE_SIZE = 100;
    public static final int MAX_PAGE = 10_000;
    public static final int HISTORY = 200;

    private Limits() {
    }
}
