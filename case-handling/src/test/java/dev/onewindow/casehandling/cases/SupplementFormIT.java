package dev.onewindow.casehandling.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicant's 补正 form changes pass the same check as a submission's form — plain field names, bounded depth,
 * values and size, alone and merged into the case's form — and a refused supplement stores nothing: the case keeps
 * its form, its state and its history.
 */
class SupplementFormIT extends CaseApiSupport {

    @Test
    void hostileFormChangesAreRefusedAndTheStoredFormIsUnchanged() {
        Citizen citizen = newCitizen();
        String id = caseAwaitingSupplement(citizen, Map.of("shopName", "老张小吃"));
        Stored before = stored(id);

        Map<String, Object> hostile = new LinkedHashMap<>();
        hostile.put("dotted key", "{\"a.b\":\"x\"}");
        hostile.put("NUL in a key", "{\"a\\u0000b\":\"x\"}");
        hostile.put("operator key", "{\"$where\":\"1\"}");
        hostile.put("update operator", "{\"$set\":{\"status\":\"COMPLETED\"}}");
        hostile.put("empty key", "{\"\":\"x\"}");
        hostile.put("1,000-character key", "{\"" + "k".repeat(1_000) + "\":\"x\"}");
        hostile.put("90 levels deep", "{\"a\":".repeat(90) + "1" + "}".repeat(90));
        hostile.put("100 KB value", "{\"essay\":\"" + "x".repeat(100_000) + "\"}");
        hostile.put("operator key nested", "{\"address\":{\"$gt\":\"\"}}");
        hostile.put("bidi control in a value", "{\"shopName\":\"abc\\u202efdp.exe\"}");
        for (Map.Entry<String, Object> form : hostile.entrySet()) {
            Response refused = command(id, "supplement", citizen.token(), "{\"formData\":" + form.getValue() + "}");
            assertProblem(refused, 400, "INVALID_FORM_FIELD");
            assertThat(stored(id)).as(form.getKey()).isEqualTo(before);
        }
    }

    @Test
    void theFormIsBoundedInSizeOnceMergedAsOnSubmission() {
        Citizen citizen = newCitizen();
        // a form of about 51 KB: under the 64 KiB a submission may carry
        Map<String, Object> large = new LinkedHashMap<>();
        for (int i = 0; i < 13; i++) {
            large.put("section" + i, "x".repeat(3_900));
        }
        String id = caseAwaitingSupplement(citizen, large);
        Stored before = stored(id);

        // changes that are each fine, but over the limit on their own ...
        Map<String, Object> tooMuch = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            tooMuch.put("appendix" + i, "y".repeat(3_900));
        }
        assertProblem(command(id, "supplement", citizen.token(), Map.of("formData", tooMuch)), 400, "FORM_TOO_LARGE");
        // ... or once merged into the case's form
        Map<String, Object> addsUp = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            addsUp.put("appendix" + i, "y".repeat(3_900));
        }
        assertProblem(command(id, "supplement", citizen.token(), Map.of("formData", addsUp)), 400, "FORM_TOO_LARGE");
        assertThat(stored(id)).isEqualTo(before);

        // replacing a field keeps the form within the limit: accepted and merged
        JsonNode supplemented = ok(command(id, "supplement", citizen.token(), Map.of("formData",
                Map.of("section0", "更正后的经营场所地址", "floor", 3), "comment", "已更正\n请审核"))).json();
        assertThat(supplemented.get("status").asString()).isEqualTo("SUBMITTED");
        Document form = storedCase(id).get("formData", Document.class);
        assertThat(form.getString("section0")).isEqualTo("更正后的经营场所地址");
        assertThat(form.getInteger("floor")).isEqualTo(3);
        assertThat(form.getString("section12")).isEqualTo("x".repeat(3_900));
    }

    /** A case of a citizen's submission with {@code form}, sent back for a correction of the form (no material). */
    private String caseAwaitingSupplement(Citizen citizen, Map<String, Object> form) {
        Map<String, Object> body = citizenApplication(publishedEntry("SCJGJ"), upload(citizen.token()));
        body.put("formData", form);
        Response created = api().post("/api/v1/cases").token(citizen.token()).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        ok(command(id, "supplement-requests", People.officer("SCJGJ"), Map.of("items",
                List.of(Map.of("description", "请更正经营场所地址")))));
        return id;
    }

    /** What a refused supplement must not change. */
    private record Stored(String formData, String status, int history) {
    }

    private Stored stored(String id) {
        Document c = storedCase(id);
        return new Stored(c.get("formData", Document.class).toJson(), c.getString("status"),
                c.getList("history", Document.class).size());
    }
}
