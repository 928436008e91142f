package dev.onewindow.supervision.inspections;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-runs a published draw from its public record ({@code GET /api/v1/supervision/inspections/{id}/record}, plain
 * text) with nothing but the JDK: checks that the seed matches the hash announced before the draw, that the rosters
 * match their snapshot hashes, and that {@link DrawAlgorithm} gives exactly the published selection.
 * {@code supervision/bin/verify-draw.sh} compiles and runs it. Exit status 0 when everything matches.
 */
public final class DrawVerifier {

    private DrawVerifier() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DrawVerifier <record.txt>");
            System.exit(2);
        }
        List<String> problems = verify(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        if (problems.isEmpty()) {
            System.out.println("MATCH: the seed matches its published hash, the rosters their snapshot hashes, and "
                    + DrawAlgorithm.NAME + " gives the published selection");
        } else {
            problems.forEach(p -> System.out.println("MISMATCH: " + p));
            System.exit(1);
        }
    }

    /** What does not match in a public record; empty when the draw is verified. */
    public static List<String> verify(String record) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<DrawAlgorithm.Entity> entities = new ArrayList<>();
        List<DrawAlgorithm.Inspector> inspectors = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        for (String line : record.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "entity" -> {
                    String[] p = value.split("\\|", -1);
                    entities.add(new DrawAlgorithm.Entity(p[0], p[1], p[2]));
                }
                case "inspector" -> {
                    String[] p = value.split("\\|", -1);
                    inspectors.add(new DrawAlgorithm.Inspector(p[0], p[1],
                            p[2].isEmpty() ? List.of() : Arrays.asList(p[2].split(","))));
                }
                case "selected" -> selected.add(value);
                default -> fields.put(key, value);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!DrawAlgorithm.NAME.equals(fields.get("algorithm"))) {
            problems.add("unknown algorithm " + fields.get("algorithm"));
            return problems;
        }
        String seed = fields.getOrDefault("seed", "");
        if (seed.isEmpty()) {
            problems.add("the seed is not published yet (the draw has not been made)");
            return problems;
        }
        if (!DrawAlgorithm.sha256(seed).equals(fields.get("seedHash"))) {
            problems.add("SHA-256 of the seed is not the published seedHash");
        }
        if (!DrawAlgorithm.sha256(DrawAlgorithm.entitiesText(entities)).equals(fields.get("entitiesHash"))) {
            problems.add("the entity roster does not match entitiesHash");
        }
        if (!DrawAlgorithm.sha256(DrawAlgorithm.inspectorsText(inspectors)).equals(fields.get("inspectorsHash"))) {
            problems.add("the inspector roster does not match inspectorsHash");
        }
        List<String> again = new ArrayList<>();
        try {
            for (DrawAlgorithm.Assignment a : DrawAlgorithm.draw(seed, entities, inspectors,
                    new BigDecimal(fields.get("ratio")), Integer.parseInt(fields.get("inspectorsPerEntity")),
                    Boolean.parseBoolean(fields.get("distinctDepartments")))) {
                again.add(a.uscc() + "|" + String.join(",", a.inspectors()));
            }
        } catch (RuntimeException e) {
            problems.add("the draw cannot be re-run: " + e.getMessage());
            return problems;
        }
        if (!again.equals(selected)) {
            problems.add("re-running gives " + again + ", published " + selected);
        }
        return problems;
    }
}
