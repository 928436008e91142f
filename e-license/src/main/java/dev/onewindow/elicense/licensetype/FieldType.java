package dev.onewindow.elicense.licensetype;

/** The value types a licence face (照面信息) field can hold, each normalised to one canonical JSON form. */
public enum FieldType {
    /** text, trimmed */
    STRING,
    /** calendar date {@code yyyy-MM-dd} */
    DATE,
    /** decimal number, written without exponent or trailing zeros */
    NUMBER,
    BOOLEAN,
    /** resident ID number, check digit verified (GB 11643-1999), upper-case {@code X} */
    ID_NUMBER,
    /** unified social credit code, check character verified (GB 32100-2015) */
    USCC
}
