package dev.onewindow.casehandling.cases;

import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一次性告知 (行政许可法 §32 (4)): everything missing is told at once — one supplement request before acceptance and
 * one during review ({@code max-supplement-requests-per-phase}, 1). A second request in the same phase is
 * {@code 409 SUPPLEMENT_ALREADY_REQUESTED}, and the clock is not paused a second time.
 */
class OneSupplementPerPhaseIT extends CaseApiSupport {

    @Test
    void aSecondSupplementRequestInTheSamePhaseIsRefusedAndTheClockIsNotPausedTwice() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        String officer = People.officer("SCJGJ");
        String reviewer = People.reviewer("SCJGJ");
        String id = submitAsCitizen(citizen, entry).json().get("id").asString();

        // before acceptance: one request, supplied; a second one is refused
        ok(command(id, "supplement-requests", officer, request("M02", "请提交经营场所证明")));
        ok(command(id, "supplement", citizen.token(), Map.of("materials",
                List.of(Map.of("code", "M02", "fileId", upload(citizen.token()))))));
        assertProblem(command(id, "supplement-requests", officer, request("M01", "营业执照模糊")), 409,
                "SUPPLEMENT_ALREADY_REQUESTED");
        assertThat(storedCase(id).getString("status")).isEqualTo("SUBMITTED");

        // during review: the first request is allowed (another phase) and pauses the clock once
        ok(command(id, "accept", officer, null));
        ok(command(id, "review", reviewer, null));
        JsonNode paused = ok(command(id, "supplement-requests", reviewer, request("M01", "营业执照副本模糊"))).json();
        assertThat(paused.get("clock").get("paused").asBoolean()).isTrue();
        ok(command(id, "supplement", citizen.token(), Map.of("materials",
                List.of(Map.of("code", "M01", "fileId", upload(citizen.token()))))));
        assertProblem(command(id, "supplement-requests", reviewer, request("M02", "场所证明不清")), 409,
                "SUPPLEMENT_ALREADY_REQUESTED");

        JsonNode read = ok(api().get("/api/v1/cases/" + id).token(reviewer).send()).json();
        assertThat(read.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(read.get("clock").get("paused").asBoolean()).isFalse();
        Document clock = storedCase(id).get("clock", Document.class);
        assertThat(clock.getList("pauses", Document.class)).as("paused once").hasSize(1);
        assertThat(storedCase(id).getList("history", Document.class))
                .filteredOn(h -> "REQUEST_SUPPLEMENT".equals(h.getString("action"))).hasSize(2);
    }

    private static Map<String, Object> request(String materialCode, String description) {
        return Map.of("items", List.of(Map.of("materialCode", materialCode, "description", description)),
                "comment", "一次性告知");
    }
}
