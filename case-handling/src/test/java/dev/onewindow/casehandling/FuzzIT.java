package dev.onewindow.casehandling;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.casehandling.support.TestClock;
import dev.onewindow.platform.testkit.ApiFuzzer;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's fuzz suite over every operation of the case API's document: hostile paths, queries, headers,
 * malformed and mistyped bodies, hostile strings and maps, broken uploads. No 5xx, every 4xx a problem with a code,
 * and a case every hostile request of an operation was refused on reads the same afterwards.
 *
 * <p>The caller reaches every operation's validation and domain rules: one person who is a citizen with a verified ID
 * number (the applicant of the fixture case) and the staff of the case's department in every role. Path values name
 * real records and the main writes start from valid bodies (a real entry, bundle and upload behind them), so
 * mutations get past the shape checks; the clock stands still, so a case's clock reads the same before and after.
 */
class FuzzIT extends CaseApiSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void hostileInputToEveryOperationGetsA4xxProblemAndChangesNothing() {
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 2, 10, 0));
        String idNumber = People.newIdNumber();
        String caller = TokenMinter.shared().user("fuzzer-" + UUID.randomUUID().toString().substring(0, 8),
                "citizen", "window-officer", "reviewer", "approver", "dept-admin")
                .dept("SCJGJ").region("341300").idNumber(idNumber).mint();

        Map<String, Object> entry = publishedEntry("SCJGJ");
        String fileId = upload(caller);
        String caseId = ok201(api().post("/api/v1/cases").token(caller).json(citizenApplication(entry, fileId)).send())
                .get("id").asString();
        String bundleCode = publishedBundle();
        JsonNode doc = api().get("/v3/api-docs").send().json();

        String one = "/api/v1/cases/{id}";
        long started = System.nanoTime();
        ApiFuzzer.Report report = ApiFuzzer.of(api(), doc).caller(caller).pathValue("id", caseId)
                .body("POST /api/v1/cases", json(() -> citizenApplication(entry, fileId)))
                .body("POST /api/v1/cases/bundles", json(() -> Map.of("bundleCode", bundleCode,
                        "channel", "MINI_PROGRAM", "applicant", Map.of("name", "张三"),
                        "formData", Map.of("babyName", "张小宝"),
                        "materials", List.of(Map.of("code", "B01", "fileId", fileId)))))
                .body("POST " + one + "/reject", json(() -> Map.of("reason", "不属于本部门职权范围")))
                .body("POST " + one + "/supplement-requests", json(() -> Map.of("items",
                        List.of(Map.of("materialCode", "M02", "description", "请提交经营场所证明")), "comment", "一次性告知")))
                .body("POST " + one + "/suspend", json(() -> Map.of("procedure", "专家评审", "reason", "需现场核查")))
                .body("POST " + one + "/resume", json(() -> Map.of("comment", "专家意见已出具")))
                .body("POST " + one + "/approve", json(() -> Map.of("comment", "符合条件")))
                .body("POST " + one + "/deny", json(() -> Map.of("reason", "不符合条件", "remedy", "可申请行政复议")))
                .body("POST " + one + "/extensions", json(() -> Map.of("workingDays", 3, "reason", "情况复杂")))
                .body("POST " + one + "/supplement", json(() -> Map.of("materials",
                        List.of(Map.of("code", "M02", "fileId", fileId)), "formData", Map.of("shopName", "老张小吃"),
                        "comment", "已补齐")))
                .body("POST " + one + "/withdraw", json(() -> Map.of("reason", "不再经营")))
                .run();
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.println("[fuzz] case-handling: " + report + " in " + millis + " ms");
        JsonNode history = ok(api().get("/api/v1/cases/" + caseId + "/history").token(caller).send()).json();
        System.out.println("[fuzz] case-handling: the fixture case went " + history.findValues("action").stream()
                .map(JsonNode::asString).toList() + "; per operation " + report.perOperation());
        assertThat(report.operations()).isEqualTo(doc.path("paths").properties().stream()
                .mapToInt(p -> p.getValue().size()).sum());
        assertThat(report.requests()).isGreaterThan(1_000);
    }

    /**
     * The applicant's 补正 on a case that waits for it (in the whole document's run the case is elsewhere by then):
     * every hostile form, material and comment is refused, and the case — its form above all — reads the same. The
     * valid body names a file that is not the applicant's, so that each mutation meets the form check first and
     * nothing is ever accepted.
     */
    @Test
    void hostileSupplementsToACaseWaitingForOneAreRefusedAndChangeNothing() {
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 2, 10, 0));
        Citizen citizen = newCitizen();
        String caseId = submitAsCitizen(citizen, publishedEntry("SCJGJ")).json().get("id").asString();
        ok(command(caseId, "supplement-requests", People.officer("SCJGJ"), Map.of("items",
                List.of(Map.of("materialCode", "M02", "description", "请提交经营场所证明")))));
        String strangersFile = upload(newCitizen().token());
        JsonNode doc = api().get("/v3/api-docs").send().json().deepCopy();
        ((ObjectNode) doc.get("paths")).retain("/api/v1/cases/{id}/supplement");

        ApiFuzzer.Report report = ApiFuzzer.of(api(), doc).caller(citizen.token()).pathValue("id", caseId)
                .body("POST /api/v1/cases/{id}/supplement", json(() -> Map.of("materials",
                        List.of(Map.of("code", "M02", "fileId", strangersFile)),
                        "formData", Map.of("shopName", "老张小吃", "address", Map.of("street", "银河一路")),
                        "comment", "已补齐")))
                .run();

        System.out.println("[fuzz] case-handling, supplement on a case waiting for one: " + report);
        assertThat(report.accepted()).isZero();
        assertThat(storedCase(caseId).getString("status")).isEqualTo("SUPPLEMENT_REQUIRED");
    }

    /** A published 一件事 bundle of two entries of the department, both asking for the same material (B01). */
    private String publishedBundle() {
        List<Map<String, Object>> members = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> member = Stubs.entry(Stubs.implementationCode("SCJGJ"), 1, "SCJGJ");
            member.put("result", Stubs.result("DOCUMENT", null));
            member.put("materials", List.of(Stubs.material("M01", "出生医学证明", true, List.of())));
            Stubs.publish(member);
            members.add(member);
        }
        String code = "FUZZ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Stubs.bundle(code, "SCJGJ", members);
        return code;
    }

    private static Supplier<String> json(Supplier<Object> body) {
        return () -> JSON.writeValueAsString(body.get());
    }

    private static JsonNode ok201(dev.onewindow.platform.testkit.ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
