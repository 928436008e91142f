package dev.onewindow.dataexchange.accesslog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of an access-log entry: SHA-256 over its content and the previous entry's hash, each value written as
 * {@code <length>:<value>;} (null as {@code -;}) in a fixed order, so no two different entries share their bytes.
 * Lowercase hex. The first entry of a lane links to {@link #GENESIS}.
 */
public final class ChainHash {

    /** What the first entry of every lane links to. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    /** A digest for one thread (they are not thread-safe); reuse it for many entries. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry's hash from what it holds; the order and the fields are the chain's format (docs/architecture.md). */
    public static String of(MessageDigest digest, int lane, long seq, String prevHash, Instant at,
            String consumerDepartment, String consumerClient, String grantId, String resourceCode,
            String providerDepartment, String purpose, List<String> criteria, String queryDigest, Outcome outcome,
            String code, int recordCount, String resultHash) {
        StringBuilder b = new StringBuilder(384);
        put(b, "v1");
        put(b, Integer.toString(lane));
        put(b, Long.toString(seq));
        put(b, prevHash);
        put(b, at == null ? null : at.toString());
        put(b, consumerDepartment);
        put(b, consumerClient);
        put(b, grantId);
        put(b, resourceCode);
        put(b, providerDepartment);
        put(b, purpose);
        put(b, criteria == null ? null : String.join(",", criteria));
        put(b, queryDigest);
        put(b, outcome == null ? null : outcome.name());
        put(b, code);
        put(b, Integer.toString(recordCount));
        put(b, resultHash);
        digest.reset();
        return HEX.formatHex(digest.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of bytes, lowercase hex (the hash of a query's result). */
    public static String of(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    private static void put(StringBuilder b, String value) {
        if (value == null) {
            b.append("-;");
        } else {
            b.append(value.length()).append(':').append(value).append(';');
        }
    }
}
