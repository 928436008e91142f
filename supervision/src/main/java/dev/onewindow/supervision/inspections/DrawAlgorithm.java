package dev.onewindow.supervision.inspections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The draw of 双随机、一公开, {@value #NAME} — deterministic from the seed and the two roster snapshots, written with the
 * JDK only so that anyone can compile and re-run it ({@code supervision/bin/verify-draw.sh}); docs/domain.md spells it
 * out step by step. Nothing here may change without a new {@link #NAME}: published draws must stay reproducible.
 *
 * <ol>
 * <li>Rosters are canonical text: entities {@code uscc|type|region} sorted by USCC, inspectors
 *     {@code id|department|conflict,conflict} sorted by id (conflicts sorted), each line ending in {@code \n}; a
 *     roster's hash is the lower-case hex SHA-256 of its UTF-8 text.</li>
 * <li>Random bytes: block {@code i} (0, 1, …) is SHA-256 of the UTF-8 text
 *     {@code seed|entitiesHash|inspectorsHash|i}; blocks are consumed 8 bytes at a time, each read big-endian as an
 *     unsigned 64-bit number of which the top 63 bits are kept ({@code v >>> 1}).</li>
 * <li>{@code uniform(n)}: the next number {@code v}; rejected (and the next one taken) while
 *     {@code v >= (2^63 / n) * n}; else {@code v mod n}.</li>
 * <li>Entities: {@code k = ceil(N × ratio)} (at least 1 when N > 0); a Fisher–Yates pass over the sorted roster for
 *     positions {@code i = 0 … k−1} swaps {@code i} with {@code i + uniform(N − i)}; the first {@code k} are drawn, in
 *     that order.</li>
 * <li>Inspectors, per drawn entity in order: the inspectors (sorted) without a conflict with its USCC (回避) are
 *     shuffled by Fisher–Yates from the last position down ({@code j = uniform(i + 1)}); they are taken in that order,
 *     except that, when distinct departments are required, the last place is only taken by one of another department
 *     than all taken so far. Too few eligible inspectors fail the draw.</li>
 * </ol>
 */
public final class DrawAlgorithm {

    public static final String NAME = "onewindow-draw-v1";

    private DrawAlgorithm() {
    }

    /** An inspectable entity (检查对象). */
    public record Entity(String uscc, String type, String region) {
        String line() {
            return uscc + "|" + type + "|" + region + "\n";
        }
    }

    /** An inspector (执法检查人员) with department and declared conflicts (USCCs). */
    public record Inspector(String id, String department, List<String> conflicts) {
        public Inspector {
            conflicts = conflicts == null ? List.of() : conflicts.stream().sorted().toList();
        }

        String line() {
            return id + "|" + department + "|" + String.join(",", conflicts) + "\n";
        }
    }

    /** One drawn entity and its inspectors. */
    public record Assignment(String uscc, List<String> inspectors) {
    }

    /** The draw could not be made (too few inspectors without conflict, or from too few departments). */
    public static final class InsufficientInspectors extends RuntimeException {
        public InsufficientInspectors(String uscc) {
            super("too few eligible inspectors for " + uscc);
        }
    }

    public static String entitiesText(List<Entity> entities) {
        StringBuilder text = new StringBuilder();
        entities.stream().sorted(Comparator.comparing(Entity::uscc)).forEach(e -> text.append(e.line()));
        return text.toString();
    }

    public static String inspectorsText(List<Inspector> inspectors) {
        StringBuilder text = new StringBuilder();
        inspectors.stream().sorted(Comparator.comparing(Inspector::id)).forEach(i -> text.append(i.line()));
        return text.toString();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The draw; see the class comment. */
    public static List<Assignment> draw(String seed, List<Entity> entities, List<Inspector> inspectors,
            BigDecimal ratio, int perEntity, boolean distinctDepartments) {
        List<Entity> pool = new ArrayList<>(entities.stream().sorted(Comparator.comparing(Entity::uscc)).toList());
        List<Inspector> staff = inspectors.stream().sorted(Comparator.comparing(Inspector::id)).toList();
        Stream random = new Stream(seed + "|" + sha256(entitiesText(entities)) + "|"
                + sha256(inspectorsText(inspectors)) + "|");
        int n = pool.size();
        int k = n == 0 ? 0 : Math.min(n, Math.max(1, ratio.multiply(BigDecimal.valueOf(n))
                .setScale(0, RoundingMode.CEILING).intValueExact()));
        for (int i = 0; i < k; i++) {
            int j = i + random.uniform(n - i);
            Entity swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        List<Assignment> assignments = new ArrayList<>();
        for (Entity entity : pool.subList(0, k)) {
            List<Inspector> eligible = new ArrayList<>(staff.stream()
                    .filter(s -> !s.conflicts().contains(entity.uscc())).toList());
            for (int i = eligible.size() - 1; i > 0; i--) {
                int j = random.uniform(i + 1);
                Inspector swap = eligible.get(i);
                eligible.set(i, eligible.get(j));
                eligible.set(j, swap);
            }
            List<Inspector> taken = new ArrayList<>();
            for (Inspector candidate : eligible) {
                if (taken.size() == perEntity) {
                    break;
                }
                Set<String> departments = new HashSet<>(taken.stream().map(Inspector::department).toList());
                boolean lastPlace = taken.size() == perEntity - 1;
                if (distinctDepartments && lastPlace && departments.size() == 1
                        && departments.contains(candidate.department())) {
                    continue;
                }
                taken.add(candidate);
            }
            if (taken.size() < perEntity) {
                throw new InsufficientInspectors(entity.uscc());
            }
            assignments.add(new Assignment(entity.uscc(), taken.stream().map(Inspector::id).toList()));
        }
        return assignments;
    }

    /** The random numbers of the draw (step 2 and 3 of the class comment). */
    private static final class Stream {
        private final String prefix;
        private long block;
        private byte[] bytes = new byte[0];
        private int position;

        Stream(String prefix) {
            this.prefix = prefix;
        }

        int uniform(int n) {
            long limit = (Long.MAX_VALUE / n) * n;
            while (true) {
                long v = next() >>> 1;
                if (v < limit) {
                    return (int) (v % n);
                }
            }
        }

        private long next() {
            if (position + 8 > bytes.length) {
                bytes = Arrays.copyOf(hash(prefix + block++), 32);
                position = 0;
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (bytes[position++] & 0xFF);
            }
            return v;
        }

        private static byte[] hash(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
