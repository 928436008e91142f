package dev.onewindow.casehandling.clients.elicense;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.domain.NotFoundException;
import dev.onewindow.platform.peers.PeerErrorDecoder;
import feign.Response;
import feign.codec.ErrorDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * e-license's {@code 400 INVALID_LICENSE_FIELDS} is the applicant's business: the form lacks (or mistypes) a field the
 * licence would print, so the application is refused now with those fields named as {@code formData.<name>} —
 * rather than approved and then stuck, because no licence can be issued from it. A 404 (e-license does not know the
 * licence type the catalog names) is nobody's input error: it becomes {@link #UNKNOWN_TYPE}, which the fallback
 * answers as "not checked" and the breaker does not count. Every other status goes to the platform's
 * {@link PeerErrorDecoder}: 5xx, 408, 429 and our own credentials refused stay failures and end in the fallback,
 * which lets the application through unchecked; another 4xx is the caller's refusal.
 */
class LicenseTypeErrorDecoder implements ErrorDecoder {

    /** The code of "e-license does not know this licence type": the form goes ahead unchecked. */
    static final String UNKNOWN_TYPE = "LICENSE_TYPE_UNKNOWN_TO_ELICENSE";

    private static final String FIELDS_PREFIX = "fields.";

    private final ErrorDecoder defaults;
    private final JsonMapper json;

    LicenseTypeErrorDecoder(JsonMapper json, PeerErrorDecoder defaults) {
        this.json = json;
        this.defaults = defaults;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        if (response.status() == 404) {
            return new NotFoundException(UNKNOWN_TYPE, "e-license does not know the licence type");
        }
        if (response.status() != 400) {
            return defaults.decode(methodKey, response);
        }
        List<FieldViolation> errors = new ArrayList<>();
        JsonNode problem = read(response);
        for (JsonNode error : problem.path("errors").values()) {
            String field = error.path("field").asString("");
            errors.add(new FieldViolation("formData." + (field.startsWith(FIELDS_PREFIX)
                    ? field.substring(FIELDS_PREFIX.length()) : field), error.path("code").asString("INVALID_VALUE"),
                    error.path("message").asString("")));
        }
        return DomainException.invalid("FORM_DOES_NOT_FIT_LICENSE",
                "the form does not give every field the licence of this service prints").with("errors", errors);
    }

    private JsonNode read(Response response) {
        if (response.body() == null) {
            return json.createObjectNode();
        }
        try (InputStream body = response.body().asInputStream()) {
            return json.readTree(body);
        } catch (IOException | RuntimeException unreadable) {
            return json.createObjectNode();
        }
    }
}
