package dev.onewindow.catalog.entry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keyword search for Chinese text without a tokenizer: text is normalised (NFKC, lower case, letters and digits only)
 * and indexed as the set of its character bigrams. A query of two or more characters is a candidate match where
 * every bigram of the query occurs ({@code $all} on a multikey index); a substring check on the candidates then
 * removes the rare document that has all the bigrams but not in a row. A one-character query matches the bigrams
 * that start with it (an anchored prefix, which also uses the index).
 *
 * <p>Fields are joined with {@link #SEPARATOR} so no bigram spans two fields; each field's last character gets a
 * bigram with the separator, so every character of the text starts some bigram.
 */
public final class SearchText {

    /** Never part of a normalised query (it is neither letter nor digit), so no query can match across fields. */
    public static final char SEPARATOR = '|';

    private SearchText() {
    }

    /** NFKC (full-width → half-width), lower case, and only letters and digits kept (CJK characters are letters). */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** The searchable text of several fields: each normalised, blank ones dropped, each followed by the separator. */
    public static String document(List<String> fields) {
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            String normalized = normalize(field);
            if (!normalized.isEmpty()) {
                text.append(normalized).append(SEPARATOR);
            }
        }
        return text.toString();
    }

    /** The distinct bigrams of a {@link #document} text, in order of first occurrence. */
    public static List<String> documentGrams(String document) {
        int[] points = document.codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 1 < points.length; i++) {
            if (points[i] != SEPARATOR) {
                grams.add(new String(points, i, 2));
            }
        }
        return new ArrayList<>(grams);
    }

    /** The distinct bigrams of a normalised query; empty for a query shorter than two characters. */
    public static List<String> queryGrams(String normalizedQuery) {
        int[] points = normalizedQuery.codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 1 < points.length; i++) {
            grams.add(new String(points, i, 2));
        }
        return new ArrayList<>(grams);
    }

    /** Number of characters (code points) of a normalised query. */
    public static int length(String normalizedQuery) {
        return normalizedQuery.codePointCount(0, normalizedQuery.length());
    }

    /** The exact check on a candidate: the query is a substring of one field of the document. */
    public static boolean matches(String document, String normalizedQuery) {
        return !normalizedQuery.isEmpty() && document.contains(normalizedQuery);
    }
}
