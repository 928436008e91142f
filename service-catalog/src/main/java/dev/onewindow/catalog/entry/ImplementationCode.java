package dev.onewindow.catalog.entry;

import java.util.regex.Pattern;

import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.catalog.limits.Codes;

/** {@code implementationCode} = basic code + region code + department code, e.g. {@code XK00105000341300SCJGJ}. */
public final class ImplementationCode {

    private static final Pattern PATTERN = Pattern.compile(Codes.IMPLEMENTATION);

    private ImplementationCode() {
    }

    public static String of(BasicCode basicCode, String region, String departmentCode) {
        return basicCode.value() + region + departmentCode;
    }

    public static boolean isValid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }

    /** The implementing department, read from the code itself (characters after basic code and region). */
    public static String departmentOf(String code) {
        return code.substring(16);
    }

    public static String regionOf(String code) {
        return code.substring(10, 16);
    }
}
