package dev.onewindow.casehandling.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: each transition only to its role (else 403), staff only on their own department's cases and
 * applicants only on their own (else 404 — a case one may not see is indistinguishable from a missing one).
 */
class CaseAccessIT extends CaseApiSupport {

    @Test
    void eachTransitionIsForItsRoleOnly() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        String id = submitAsCitizen(citizen, entry).json().get("id").asString();
        String officer = People.officer("SCJGJ");
        String reviewer = People.reviewer("SCJGJ");
        String approver = People.approver("SCJGJ");

        for (String notAnOfficer : List.of(reviewer, approver, citizen.token(), People.partner())) {
            assertProblem(command(id, "accept", notAnOfficer, null), 403, "FORBIDDEN");
            assertProblem(command(id, "reject", notAnOfficer, Map.of("reason", "x")), 403, "FORBIDDEN");
        }
        // a reviewer may request supplements, but not before acceptance: that is the window officer's
        assertProblem(command(id, "supplement-requests", reviewer, Map.of("items",
                List.of(Map.of("description", "x")))), 403, "FORBIDDEN");
        ok(command(id, "accept", officer, null));
        assertProblem(command(id, "review", officer, null), 403, "FORBIDDEN");
        assertProblem(command(id, "review", approver, null), 403, "FORBIDDEN");
        ok(command(id, "review", reviewer, null));
        assertProblem(command(id, "supplement-requests", officer, Map.of("items",
                List.of(Map.of("description", "x")))), 403, "FORBIDDEN");
        assertProblem(command(id, "suspend", approver, Map.of("procedure", "听证", "reason", "x")), 403, "FORBIDDEN");
        assertProblem(command(id, "approve", reviewer, null), 403, "FORBIDDEN");
        assertProblem(command(id, "deny", officer, Map.of("reason", "x", "remedy", "y")), 403, "FORBIDDEN");
        assertProblem(command(id, "extensions", reviewer, Map.of("workingDays", 3, "reason", "x")), 403, "FORBIDDEN");
        assertProblem(command(id, "withdraw", officer, null), 403, "FORBIDDEN");
        assertProblem(command(id, "supplement", reviewer, Map.of("materials", List.of())), 403, "FORBIDDEN");
        // the right role in the wrong state names the state
        Response tooEarly = command(id, "resume", reviewer, null);
        assertProblem(tooEarly, 409, "ILLEGAL_STATE_TRANSITION");
        assertThat(tooEarly.json().get("currentState").asString()).isEqualTo("IN_REVIEW");
        assertProblem(command(id, "supplement", citizen.token(), Map.of("materials", List.of())), 409,
                "ILLEGAL_STATE_TRANSITION");
    }

    @Test
    void staffSeeAndActOnlyOnTheirOwnDepartmentsCases() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        String id = submitAsCitizen(citizen, entry).json().get("id").asString();
        String otherOfficer = People.officer("GAJ");
        String noDepartment = TokenMinter.shared().user("drifter", "window-officer").mint();

        assertProblem(api().get("/api/v1/cases/" + id).token(otherOfficer).send(), 404, "NOT_FOUND");
        assertProblem(api().get("/api/v1/cases/" + id + "/history").token(otherOfficer).send(), 404, "NOT_FOUND");
        assertProblem(command(id, "accept", otherOfficer, null), 404, "NOT_FOUND");
        assertProblem(command(id, "accept", noDepartment, null), 404, "NOT_FOUND");
        assertProblem(api().get("/api/v1/cases").token(noDepartment).send(), 403, "FORBIDDEN");
        assertThat(worklistIds(otherOfficer)).doesNotContain(id);
        assertThat(storedCase(id).getString("status")).isEqualTo("SUBMITTED");

        String ownOfficer = People.officer("SCJGJ");
        assertThat(ok(api().get("/api/v1/cases/" + id).token(ownOfficer).send()).json().get("id").asString())
                .isEqualTo(id);
        assertThat(worklistIds(ownOfficer)).contains(id);
        // an officer takes applications at the counter only for their own department's entries
        Map<String, Object> counter = new LinkedHashMap<>(citizenApplication(entry, upload(otherOfficer)));
        counter.put("channel", "SERVICE_HALL");
        counter.put("applicant", Map.of("type", "NATURAL_PERSON", "name", "李四", "idNumber", People.newIdNumber()));
        assertProblem(api().post("/api/v1/cases").token(otherOfficer).json(counter).send(), 403, "FORBIDDEN");
    }

    @Test
    void applicantsSeeAndActOnlyOnTheirOwnCases() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen owner = newCitizen();
        Citizen other = newCitizen();
        String id = submitAsCitizen(owner, entry).json().get("id").asString();

        assertProblem(api().get("/api/v1/cases/" + id).token(other.token()).send(), 404, "NOT_FOUND");
        assertProblem(command(id, "withdraw", other.token(), null), 404, "NOT_FOUND");
        assertThat(mineIds(other.token())).doesNotContain(id);
        assertThat(mineIds(owner.token())).contains(id);
        assertThat(ok(api().get("/api/v1/cases/" + id).token(owner.token()).send()).json().get("status").asString())
                .isEqualTo("SUBMITTED");
        assertProblem(api().get("/api/v1/cases").token(owner.token()).send(), 403, "FORBIDDEN");
        assertProblem(api().get("/api/v1/cases/mine").token(People.officer("SCJGJ")).send(), 403, "FORBIDDEN");
    }

    @Test
    void aCaseTakenAtTheCounterOrByAPartnerBelongsToItsApplicant() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        String officer = People.officer("SCJGJ");
        Map<String, Object> counter = new LinkedHashMap<>(citizenApplication(entry, upload(officer)));
        counter.put("channel", "SERVICE_HALL");
        counter.put("applicant", Map.of("type", "NATURAL_PERSON", "name", "张三", "idNumber", citizen.idNumber()));
        Response atCounter = api().post("/api/v1/cases").token(officer).json(counter).send();
        assertThat(atCounter.status()).as(atCounter.toString()).isEqualTo(201);
        String counterCase = atCounter.json().get("id").asString();
        assertThat(mineIds(citizen.token())).contains(counterCase);

        String partner = People.partner();
        Map<String, Object> viaPartner = new LinkedHashMap<>(citizenApplication(entry, upload(partner)));
        viaPartner.put("applicant", Map.of("type", "NATURAL_PERSON", "name", "张三", "idNumber", citizen.idNumber()));
        assertProblem(api().post("/api/v1/cases").token(partner).json(viaPartner).send(), 403, "FORBIDDEN");
        viaPartner.put("channel", "PARTNER_API");
        Response partnerCase = api().post("/api/v1/cases").token(partner).json(viaPartner).send();
        assertThat(partnerCase.status()).as(partnerCase.toString()).isEqualTo(201);
        String partnerCaseId = partnerCase.json().get("id").asString();
        assertThat(ok(api().get("/api/v1/cases/" + partnerCaseId).token(partner).send()).json().get("channel")
                .asString()).isEqualTo("PARTNER_API");
        String otherPartner = TokenMinter.shared().client("partner-other", "partner").mint();
        assertProblem(api().get("/api/v1/cases/" + partnerCaseId).token(otherPartner).send(), 404, "NOT_FOUND");
        assertThat(mineIds(citizen.token())).contains(partnerCaseId);
        // the citizen, not the partner, withdraws
        ok(command(partnerCaseId, "withdraw", citizen.token(), Map.of("reason", "重复申报")));
    }

    @Test
    void anEnterpriseCaseBelongsToTheEnterpriseAndItsAgents() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        String uscc = People.newUscc();
        String agentId = People.newIdNumber();
        String agent = People.enterprise("agent-1", uscc, agentId);
        String colleague = People.enterprise("agent-2", uscc, People.newIdNumber());
        String otherCompany = People.enterprise("agent-3", People.newUscc(), People.newIdNumber());
        Map<String, Object> body = new LinkedHashMap<>(citizenApplication(entry, upload(agent)));
        body.put("channel", "PC_PORTAL");
        body.put("applicant", Map.of("type", "LEGAL_PERSON", "name", "宿州老张餐饮有限公司", "agentName", "张三"));
        Response created = api().post("/api/v1/cases").token(agent).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode applicant = created.json().get("applicant");
        assertThat(applicant.get("type").asString()).isEqualTo("LEGAL_PERSON");
        assertThat(applicant.get("uscc").asString()).as("from the token").isEqualTo(uscc);
        assertThat(applicant.get("agentIdNumber").asString()).isEqualTo(
                agentId.substring(0, 6) + "********" + agentId.substring(14));
        String id = created.json().get("id").asString();

        assertThat(mineIds(colleague)).contains(id);
        assertThat(mineIds(otherCompany)).doesNotContain(id);
        assertProblem(api().get("/api/v1/cases/" + id).token(otherCompany).send(), 404, "NOT_FOUND");
        String auditor = TokenMinter.shared().user("auditor1", "auditor").mint();
        assertThat(ok(api().get("/api/v1/cases/" + id).token(auditor).send()).json().get("id").asString())
                .isEqualTo(id);
    }

    /** A region covers the regions below it: a city's supervisor sees its districts' cases, not its neighbours'. */
    @Test
    void aSupervisorSeesTheCasesOfTheRegionAndOfTheRegionsBelowIt() {
        Map<String, Object> districtEntry = Stubs.entry(Stubs.implementationCode("SCJGJ"), 1, "SCJGJ");
        districtEntry.put("region", "341302");
        Stubs.publish(districtEntry);
        String districtCase = submitAsCitizen(newCitizen(), districtEntry).json().get("id").asString();
        String cityCase = submitAsCitizen(newCitizen(), publishedEntry("SCJGJ")).json().get("id").asString();

        for (String region : List.of("341302", "341300", "340000")) {
            String supervisor = TokenMinter.shared().user("supervisor-" + region, "supervisor").region(region).mint();
            assertThat(ok(api().get("/api/v1/cases/" + districtCase).token(supervisor).send()).json().get("region")
                    .asString()).as(region).isEqualTo("341302");
            assertThat(ok(api().get("/api/v1/cases/" + districtCase + "/history").token(supervisor).send()).status())
                    .isEqualTo(200);
        }
        String city = TokenMinter.shared().user("supervisor-341300", "supervisor").region("341300").mint();
        assertThat(ok(api().get("/api/v1/cases/" + cityCase).token(city).send()).json().get("id").asString())
                .isEqualTo(cityCase);
        // a district does not see its city's cases, nor a neighbouring district or city theirs
        for (String region : List.of("341302", "341303", "341200", "350000")) {
            String supervisor = TokenMinter.shared().user("supervisor-" + region, "supervisor").region(region).mint();
            String visible = region.equals("341302") ? cityCase : districtCase;
            assertProblem(api().get("/api/v1/cases/" + visible).token(supervisor).send(), 404, "NOT_FOUND");
        }
        String noRegion = TokenMinter.shared().user("supervisor-nowhere", "supervisor").mint();
        assertProblem(api().get("/api/v1/cases/" + districtCase).token(noRegion).send(), 404, "NOT_FOUND");
    }

    private List<String> worklistIds(String token) {
        Response list = ok(api().get("/api/v1/cases?size=100").token(token).send());
        return list.json().get("content").values().stream().map(c -> c.get("id").asString()).toList();
    }

    private List<String> mineIds(String token) {
        Response list = ok(api().get("/api/v1/cases/mine?size=100").token(token).send());
        return list.json().get("content").values().stream().map(c -> c.get("id").asString()).toList();
    }
}
