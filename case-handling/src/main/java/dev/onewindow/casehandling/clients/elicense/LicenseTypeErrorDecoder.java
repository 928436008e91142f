package dev.onewindow.casehandling.clients.elicense;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;
import feign.Response;
import feign.codec.ErrorDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * e-license's {@code 400 INVALID_LICENSE_FIELDS} is the applicant's business: the form lacks (or mistypes) a field the
 * licence would print, so the application is refused now with those fields named as {@code formData.<name>} —
 * rather than approved and then stuck, because no licence can be issued from it. Every other answer (an unknown
 * licence type, 5xx, our own credentials refused) is e-license's or our configuration's fault and ends in the
 * fallback, which lets the application through unchecked.
 */
class LicenseTypeErrorDecoder implements ErrorDecoder {

    private static final String FIELDS_PREFIX = "fields.";

    private final ErrorDecoder defaults = new ErrorDecoder.Default();
    private final JsonMapper json;

    LicenseTypeErrorDecoder(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
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
