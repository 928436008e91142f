package dev.onewindow.casehandling.cases;

import java.util.List;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicant's contact number, for evaluation's service account only (it has the department's handler call a bad
 * rater back, docs/decisions/0015): answered in clear once the case can be rated (accepted or decided), to nobody
 * else — staff, the applicant, another service's account and a user who calls itself "evaluation" all get 404, as
 * for a case that does not exist.
 */
class ApplicantContactIT extends CaseApiSupport {

    private static final String DEPARTMENT = "GAJ";

    private static String evaluation() {
        return TokenMinter.shared().client("evaluation").mint();
    }

    private Response contact(String caseId, String token) {
        return api().get("/api/v1/cases/" + caseId + "/applicant-contact").token(token).send();
    }

    @Test
    void theApplicantsNumberIsForEvaluationsServiceAccountOnceTheCaseCanBeRated() {
        Citizen citizen = newCitizen();
        String id = submitAsCitizen(citizen, publishedEntry(DEPARTMENT)).json().get("id").asString();
        assertProblem(contact(id, evaluation()), 404, "NOT_FOUND"); // submitted: nothing to rate yet

        String officer = People.officer(DEPARTMENT);
        ok(command(id, "accept", officer, null));
        Response read = contact(id, evaluation());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("caseId").asString()).isEqualTo(id);
        assertThat(read.json().get("mobile").asString()).isEqualTo("13812345678");

        for (String stranger : List.of(citizen.token(), officer, People.approver(DEPARTMENT), People.partner(),
                TokenMinter.shared().client("e-license").mint(),
                TokenMinter.shared().user("evaluation", "eval-admin").clientId("onewindow-app").mint())) {
            assertProblem(contact(id, stranger), 404, "NOT_FOUND");
        }
        assertProblem(contact(java.util.UUID.randomUUID().toString(), evaluation()), 404, "NOT_FOUND");
    }
}
