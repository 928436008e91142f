package dev.onewindow.platform.peers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.domain.ConflictException;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.ExpiredException;
import dev.onewindow.platform.domain.InvalidInputException;
import dev.onewindow.platform.domain.NotFoundException;
import feign.FeignException;
import feign.Request;
import feign.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PeerErrorDecoderTest {

    private final PeerErrorDecoder decoder = new PeerErrorDecoder(JsonMapper.builder().build());

    private static Response response(int status, String body) {
        return Response.builder().status(status).reason("x")
                .request(Request.create(Request.HttpMethod.GET, "http://peer/x", Map.of(), null, StandardCharsets.UTF_8,
                        null))
                .headers(Map.of("Content-Type", List.of("application/problem+json")))
                .body(body, StandardCharsets.UTF_8).build();
    }

    @Test
    void aPeersRefusalOfTheInputIsTheCallersRefusalWithThePeersCodeAndFields() {
        Exception decoded = decoder.decode("Catalog#entry", response(400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"the request has 1 invalid field(s)",
                 "errors":[{"field":"code","code":"PATTERN","message":"must match"}]}"""));

        assertThat(decoded).isInstanceOf(InvalidInputException.class);
        DomainException refusal = (DomainException) decoded;
        assertThat(refusal.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refusal.getMessage()).isEqualTo("the request has 1 invalid field(s)");
        assertThat(refusal.properties().get("errors").toString()).contains("PATTERN");
    }

    @Test
    void eachRefusingStatusHasItsKind() {
        assertThat(decoder.decode("m", response(404, "{\"code\":\"NOT_FOUND\",\"detail\":\"no entry\"}")))
                .isInstanceOf(NotFoundException.class);
        assertThat(decoder.decode("m", response(409, "{\"code\":\"ILLEGAL_STATE_TRANSITION\",\"currentState\":\"X\"}")))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((DomainException) e).properties()).containsEntry("currentState", "X"));
        assertThat(decoder.decode("m", response(410, "{}"))).isInstanceOf(ExpiredException.class);
        // no problem body, or a code that is not one: still a refusal, with a code of ours
        assertThat(decoder.decode("m", response(422, "<html>no</html>")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("PEER_REFUSED_REQUEST"));
        assertThat(decoder.decode("m", response(400, "{\"code\":\"lower case; DROP\"}")))
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("PEER_REFUSED_REQUEST"));
    }

    @Test
    void whatSaysThePeerCannotServeUsStaysAFailure() {
        for (int status : new int[] {500, 502, 503, 401, 403, 408, 429}) {
            assertThat(decoder.decode("m", response(status, "{\"code\":\"X\"}"))).as("status " + status)
                    .isInstanceOf(FeignException.class).isNotInstanceOf(DomainException.class);
        }
    }
}
