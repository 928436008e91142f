package dev.onewindow.platform.text;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;

/**
 * The one check of a free-form map a client sends (an application's form data, a licence's face fields): its keys
 * become stored field names, so they are plain names ({@code [A-Za-z_][A-Za-z0-9_-]*}: no {@code $}, no {@code .}, no
 * NUL, bounded); it is nested at most {@code maxDepth} deep and holds at most {@code maxEntries} values in all; its
 * strings follow the {@link TextPolicy} (multi-line allowed); numbers are finite, of at most 64 digits. Refusals are 400
 * {@code INVALID_FORM_FIELD} (or {@code FORM_TOO_LARGE}) naming the path.
 */
public final class FreeFormMap {

    /** What a map may hold. */
    public record Limits(int maxKeyLength, int maxDepth, int maxEntries, int maxStringLength) {

        /** The house limits: keys ≤ 64, nesting ≤ 5, ≤ 500 values, strings ≤ 4,000 characters. */
        public static final Limits DEFAULT = new Limits(64, 5, 500, 4_000);
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private FreeFormMap() {
    }

    /** Refuses {@code map} (found at {@code field}) unless it keeps the limits; a {@code null} map is fine. */
    public static void require(Map<?, ?> map, String field, Limits limits) {
        if (map != null) {
            int[] entries = {0};
            walk(map, field, 1, limits, entries);
        }
    }

    private static void walk(Object value, String path, int depth, Limits limits, int[] entries) {
        if (++entries[0] > limits.maxEntries()) {
            throw DomainException.invalid("FORM_TOO_LARGE", "the form at '" + path + "' holds more than "
                    + limits.maxEntries() + " values");
        }
        if (value instanceof Map<?, ?> map) {
            if (depth > limits.maxDepth()) {
                throw invalid(path, "NESTED_TOO_DEEPLY", "is nested more than " + limits.maxDepth() + " deep");
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.length() > limits.maxKeyLength() || !KEY.matcher(key).matches()) {
                    throw invalid(path + "." + printable(key), "INVALID_NAME", "is not a plain field name (letters, "
                            + "digits, '_' and '-', at most " + limits.maxKeyLength() + ", starting with a letter or '_')");
                }
                walk(entry.getValue(), path + "." + key, depth + 1, limits, entries);
            }
        } else if (value instanceof List<?> list) {
            if (depth > limits.maxDepth()) {
                throw invalid(path, "NESTED_TOO_DEEPLY", "is nested more than " + limits.maxDepth() + " deep");
            }
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", depth + 1, limits, entries);
            }
        } else if (value instanceof String text) {
            TextPolicy.Violation violation = TextPolicy.check(text, TextPolicy.Lines.MULTI, limits.maxStringLength());
            if (violation != null) {
                throw invalid(path, violation.name(), violation.message());
            }
        } else if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)
                || value instanceof java.math.BigInteger big && big.bitLength() > 256
                || value instanceof java.math.BigDecimal decimal
                        && (decimal.precision() > 64 || Math.abs(decimal.scale()) > 64)) {
            throw invalid(path, "INVALID_VALUE", "is not a finite number of at most 64 digits");
        }
    }

    private static RuntimeException invalid(String path, String code, String message) {
        return DomainException.invalid("INVALID_FORM_FIELD", "the form field '" + path + "' " + message)
                .with("field", path).with("errors", List.of(new FieldViolation(path, code, message)));
    }

    /** A key as it may be echoed in a problem: at most 64 characters, control and bidi characters escaped. */
    private static String printable(String key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length() && out.length() < 64; i++) {
            char c = key.charAt(i);
            out.append(Character.getType(c) == Character.CONTROL || TextPolicy.isBidiControl(c)
                    || Character.isSurrogate(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
