package dev.onewindow.catalog.entry;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void normalisesWidthCaseAndDropsPunctuationAndSpaces() {
        assertThat(SearchText.normalize("营业执照（副本）, Food License ＡＢＣ１２３"))
                .isEqualTo("营业执照副本foodlicenseabc123");
        assertThat(SearchText.normalize(null)).isEmpty();
        assertThat(SearchText.normalize(" ，。！")).isEmpty();
    }

    @Test
    void aDocumentIsItsNormalisedFieldsEachClosedBySeparator() {
        assertThat(SearchText.document(List.of("食品经营许可", "", "营业执照"))).isEqualTo("食品经营许可|营业执照|");
    }

    @Test
    void documentGramsAreDistinctBigramsNeverSpanningFieldsAndEveryCharacterStartsOne() {
        String document = SearchText.document(List.of("执照执照", "证"));
        List<String> grams = SearchText.documentGrams(document);
        assertThat(grams).containsExactly("执照", "照执", "照|", "证|");
        // nothing from one field's end to the next field's start
        assertThat(grams).doesNotContain("照证", "|证");
    }

    @Test
    void theBigramsOfAQueryAreAllInAnyDocumentContainingIt() {
        String document = SearchText.document(List.of("食品经营许可",
                "申请人应当先行取得营业执照等合法主体资格，以营业执照载明的主体作为申请人。"));
        List<String> grams = SearchText.documentGrams(document);
        String query = SearchText.normalize("营业执照");
        assertThat(grams).containsAll(SearchText.queryGrams(query));
        assertThat(SearchText.matches(document, query)).isTrue();
        assertThat(SearchText.queryGrams(query)).containsExactly("营业", "业执", "执照");
    }

    @Test
    void allBigramsPresentIsOnlyACandidateTheSubstringDecides() {
        // "执照营业" contains 营业 and 执照 and ... but not 业执: here is one that has all three bigrams apart
        String document = SearchText.document(List.of("营业时间 业执行 执照号"));
        String query = SearchText.normalize("营业执照");
        assertThat(SearchText.documentGrams(document)).containsAll(SearchText.queryGrams(query));
        assertThat(SearchText.matches(document, query)).isFalse();
    }

    @Test
    void queriesShorterThanTwoCharactersHaveNoBigrams() {
        assertThat(SearchText.queryGrams("证")).isEmpty();
        assertThat(SearchText.length("证")).isEqualTo(1);
        assertThat(SearchText.length("")).isZero();
    }

    @Test
    void supplementaryCharactersCountAsOneCharacter() {
        String rare = new String(Character.toChars(0x20000)) + "证";
        assertThat(SearchText.length(rare)).isEqualTo(2);
        assertThat(SearchText.queryGrams(rare)).containsExactly(rare);
    }
}
