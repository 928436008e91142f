package dev.onewindow.catalog.item;

import java.util.regex.Pattern;

import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.platform.domain.DomainException;

/**
 * The code of a basic catalog item (docs/domain.md, section "service-catalog"): item type (2 letters) + 5-digit
 * main item + 3-digit sub-item ({@code 000} if none), e.g. {@code XK00105000}. Every other code in the catalog is
 * built on it.
 */
public record BasicCode(String value) {

    /** The format request validation checks too ({@link Codes#BASIC}), so both accept exactly the same codes. */
    private static final Pattern PATTERN = Pattern.compile(Codes.BASIC);

    public BasicCode {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw DomainException.invalid("INVALID_BASIC_CODE", "'" + abbreviate(value)
                    + "' is not a basic code: item type (XK, QR, JF, JL, CJ, ZS, QT or GG) + 5-digit main item"
                    + " + 3-digit sub-item, e.g. XK00105000");
        }
    }

    public static BasicCode of(String value) {
        return new BasicCode(value);
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    public ItemType itemType() {
        return ItemType.valueOf(value.substring(0, 2));
    }

    public String mainItem() {
        return value.substring(2, 7);
    }

    public String subItem() {
        return value.substring(7, 10);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String abbreviate(String value) {
        return value == null ? "null" : value.length() > 30 ? value.substring(0, 30) + "…" : value;
    }
}
