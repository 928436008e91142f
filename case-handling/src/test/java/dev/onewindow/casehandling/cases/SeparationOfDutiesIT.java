package dev.onewindow.casehandling.cases;

import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 审批分离 ({@code separate-review-and-decision}, on by default): whoever reviewed a case — started the review,
 * asked for a supplement during it, suspended or resumed it — does not decide it, even when their account holds the
 * approver role as well: {@code 403 SAME_PERSON_REVIEW_AND_DECISION}. Another approver decides; the reviewer may
 * still approve an extension.
 */
class SeparationOfDutiesIT extends CaseApiSupport {

    private static final String DEPARTMENT = "RSJ";

    @Test
    void theReviewerDoesNotApproveOrDenyTheCaseTheyReviewed() {
        Map<String, Object> entry = publishedEntry(DEPARTMENT);
        // one person holding both roles, as officer2/3/4 of the demo realm do
        String both = TokenMinter.shared().user("both-" + DEPARTMENT, "reviewer", "approver").dept(DEPARTMENT)
                .region("341300").mint();
        String otherApprover = People.approver(DEPARTMENT);

        String reviewed = submitAsCitizen(newCitizen(), entry).json().get("id").asString();
        ok(command(reviewed, "accept", People.officer(DEPARTMENT), null));
        ok(command(reviewed, "review", both, null));
        ok(command(reviewed, "extensions", both, Map.of("workingDays", 2, "reason", "需补充现场核查")));
        assertProblem(command(reviewed, "approve", both, Map.of("comment", "符合条件")), 403,
                "SAME_PERSON_REVIEW_AND_DECISION");
        assertProblem(command(reviewed, "deny", both, Map.of("reason", "不符合条件", "remedy", "可申请行政复议")), 403,
                "SAME_PERSON_REVIEW_AND_DECISION");
        assertThat(storedCase(reviewed).getString("status")).isEqualTo("IN_REVIEW");
        assertThat(ok(command(reviewed, "approve", otherApprover, null)).json().get("status").asString())
                .isEqualTo("APPROVED");

        // reviewed by someone else, but suspended by the would-be approver: still a reviewer of it
        String suspended = submitAsCitizen(newCitizen(), entry).json().get("id").asString();
        ok(command(suspended, "accept", People.officer(DEPARTMENT), null));
        ok(command(suspended, "review", People.reviewer(DEPARTMENT), null));
        ok(command(suspended, "suspend", both, Map.of("procedure", "专家评审", "reason", "需现场核查")));
        ok(command(suspended, "resume", People.reviewer(DEPARTMENT), null));
        assertProblem(command(suspended, "deny", both, Map.of("reason", "不符合条件", "remedy", "可申请行政复议")), 403,
                "SAME_PERSON_REVIEW_AND_DECISION");

        // a supplement requested during review counts as well
        Citizen citizen = newCitizen();
        String supplemented = submitAsCitizen(citizen, entry).json().get("id").asString();
        ok(command(supplemented, "accept", People.officer(DEPARTMENT), null));
        ok(command(supplemented, "review", People.reviewer(DEPARTMENT), null));
        ok(command(supplemented, "supplement-requests", both, Map.of("items",
                List.of(Map.of("materialCode", "M02", "description", "请提交经营场所证明")))));
        ok(command(supplemented, "supplement", citizen.token(), Map.of("materials",
                List.of(Map.of("code", "M02", "fileId", upload(citizen.token()))))));
        assertProblem(command(supplemented, "approve", both, null), 403, "SAME_PERSON_REVIEW_AND_DECISION");
        // someone who took no part in the review decides
        assertThat(ok(command(supplemented, "deny", otherApprover, Map.of("reason", "不符合条件",
                "remedy", "可申请行政复议"))).json().get("status").asString()).isEqualTo("DENIED");
    }
}
