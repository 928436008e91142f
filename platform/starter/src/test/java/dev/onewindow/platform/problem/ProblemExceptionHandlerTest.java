package dev.onewindow.platform.problem;

import java.util.List;
import java.util.Map;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.personal.ResidentIdNumber;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The one place where the domain's refusals become HTTP: each kind its status, its code and members kept. */
class ProblemExceptionHandlerTest {

    private final ProblemExceptionHandler handler = new ProblemExceptionHandler();

    private ProblemDetail answer(DomainException refusal) {
        ResponseEntity<ProblemDetail> response = handler.domain(refusal);
        assertThat(response.getStatusCode().value()).isEqualTo(response.getBody().getStatus());
        return response.getBody();
    }

    @Test
    void eachKindOfRefusalHasItsStatus() {
        Map<DomainException, HttpStatus> expected = Map.of(
                DomainException.invalid("NO_ITEMS", "list every missing item"), HttpStatus.BAD_REQUEST,
                DomainException.notAllowed("not your department"), HttpStatus.FORBIDDEN,
                DomainException.notFound("case", "c1"), HttpStatus.NOT_FOUND,
                DomainException.illegalState("COMPLETED", "accept"), HttpStatus.CONFLICT,
                DomainException.expired("AUTHORIZATION_EXPIRED", "the code expired"), HttpStatus.GONE,
                DomainException.tooLarge("PAYLOAD_TOO_LARGE", "too large"), HttpStatus.CONTENT_TOO_LARGE,
                DomainException.unsupportedContent("UNSUPPORTED_MEDIA_TYPE", "not a PDF"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                DomainException.unavailable("ELICENSE_UNAVAILABLE", "upload a copy"), HttpStatus.SERVICE_UNAVAILABLE);

        expected.forEach((refusal, status) -> {
            ProblemDetail problem = answer(refusal);
            assertThat(problem.getStatus()).as(refusal.code()).isEqualTo(status.value());
            assertThat(problem.getProperties()).containsEntry("code", refusal.code());
            assertThat(problem.getDetail()).isEqualTo(refusal.getMessage());
        });
    }

    @Test
    void overAQuotaIs429WithRetryAfterInWholeSecondsRoundedUp() {
        ResponseEntity<ProblemDetail> response = handler.domain(DomainException.tooMany("GRANT_QUOTA_EXCEEDED",
                "the grant's rate is used up", java.time.Duration.ofMillis(1500)));

        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getBody().getStatus()).isEqualTo(429);
        assertThat(response.getBody().getProperties()).containsEntry("code", "GRANT_QUOTA_EXCEEDED");
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("2");
    }

    @Test
    void membersTravelWithTheProblem() {
        ProblemDetail state = answer(DomainException.illegalState("COMPLETED", "accept"));
        assertThat(state.getProperties()).containsEntry("code", "ILLEGAL_STATE_TRANSITION")
                .containsEntry("currentState", "COMPLETED");

        ProblemDetail fields = answer(DomainException.invalidFields(List.of(
                new FieldViolation("fields.name", "REQUIRED", "name is required"))));
        assertThat(fields.getStatus()).isEqualTo(400);
        assertThat(fields.getProperties()).containsEntry("code", "VALIDATION_FAILED");
        assertThat(fields.getProperties().get("errors")).asList().hasSize(1);
    }

    @Test
    void invalidPersonalDataIsAnInvalidInputWithItsOwnCode() {
        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> ResidentIdNumber.of("110105194912310028"));

        ProblemDetail problem = answer(refusal);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("code", "INVALID_ID_NUMBER");
        assertThat(problem.getDetail()).doesNotContain("110105194912310028");
    }
}
