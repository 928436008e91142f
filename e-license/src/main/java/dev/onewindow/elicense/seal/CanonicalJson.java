package dev.onewindow.elicense.seal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Deterministic JSON for signing, following the JSON Canonicalization Scheme (RFC 8785) for the values a licence
 * holds: object members sorted by key (UTF-16 code units, i.e. {@link String#compareTo}), no insignificant
 * whitespace, strings with only the escapes JSON requires ({@code \"}, {@code \\}, control characters), UTF-8.
 * Numbers are written as plain decimals without exponent or trailing zeros ({@code 12.50} → {@code 12.5}); licence
 * fields never hold non-finite or huge values, so this is the same text RFC 8785 would give for them.
 *
 * <p>The same content therefore always gives the same bytes, whoever builds it and in whatever order the fields
 * arrived, which is what makes a signature over it checkable by anyone.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static byte[] bytes(Object value) {
        return string(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String string(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Number n) {
            out.append(number(n));
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>(map.size());
            for (Object key : map.keySet()) {
                if (!(key instanceof String s)) {
                    throw new IllegalArgumentException("object keys must be strings");
                }
                keys.add(s);
            }
            keys.sort(String::compareTo);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(keys.get(i), out);
                out.append(':');
                write(map.get(keys.get(i)), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot canonicalise a " + value.getClass().getSimpleName());
        }
    }

    /** Plain decimal, no exponent, no trailing zeros, {@code 0} for any zero. */
    static String number(Number n) {
        BigDecimal decimal;
        if (n instanceof BigDecimal d) {
            decimal = d;
        } else if (n instanceof BigInteger i) {
            decimal = new BigDecimal(i);
        } else if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("non-finite numbers cannot be canonicalised");
            }
            decimal = BigDecimal.valueOf(d);
        } else {
            decimal = BigDecimal.valueOf(n.longValue());
        }
        if (decimal.signum() == 0) {
            return "0";
        }
        return decimal.stripTrailingZeros().toPlainString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
