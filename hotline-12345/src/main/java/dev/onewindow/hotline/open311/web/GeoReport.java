package dev.onewindow.hotline.open311.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.onewindow.hotline.open311.Open311Catalog;
import dev.onewindow.hotline.open311.Open311Requests;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import static dev.onewindow.hotline.Limits.ADDRESS;
import static dev.onewindow.hotline.Limits.CATEGORY;
import static dev.onewindow.hotline.Limits.DEPARTMENT;
import static dev.onewindow.hotline.Limits.ORDER_NO;
import static dev.onewindow.hotline.Limits.TEXT;

/**
 * The GeoReport v2 documents, one record each, named field for field as the specification names them (so the
 * components are snake_case): written as JSON by Jackson and as XML by {@link GeoReportXml}, element for field. Every
 * field is always present, {@code null} (an empty element in XML) when there is no value, as in the specification's
 * examples. Identifiers are strings: the examples' unquoted {@code 001} is not valid JSON, and an order number has
 * more digits than a JavaScript number keeps.
 */
final class GeoReport {

    /** Datetimes as the specification wants them (W3C ISO 8601 with offset), in the city's time, to the second. */
    static final ZoneOffset CITY_TIME = ZoneOffset.ofHours(8);
    static final String DATETIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00$";

    private GeoReport() {
    }

    static String datetime(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(CITY_TIME));
    }

    @Schema(description = "A service: a kind of request this jurisdiction takes (a leaf of the category tree).")
    @JsonPropertyOrder({"service_code", "service_name", "description", "metadata", "type", "keywords", "group"})
    record Service(
            @Schema(description = "The unique identifier of the service", maxLength = 32, pattern = CATEGORY)
            String service_code,
            @Schema(description = "Its name", maxLength = 64) String service_name,
            @Schema(description = "Where it sits in the category tree", maxLength = 300) String description,
            @Schema(description = "Always true: every service has attributes (GET its definition)") boolean metadata,
            @Schema(description = "Always realtime: the request id comes back at once", allowableValues = "realtime")
            String type,
            @Schema(description = "Comma-separated search words", maxLength = 700) String keywords,
            @Schema(description = "The top-level category", maxLength = 64) String group) {

        static Service of(Open311Catalog.Service s) {
            return new Service(s.code(), s.name(), s.description(), true, "realtime", String.join(",", s.keywords()),
                    s.group());
        }
    }

    @Schema(description = "The attributes a request of one service may carry, as `attribute[code]=value`.")
    @JsonPropertyOrder({"service_code", "attributes"})
    record ServiceDefinition(
            @Schema(maxLength = 32, pattern = CATEGORY) String service_code,
            @ArraySchema(maxItems = 10) List<Attribute> attributes) {
    }

    @Schema(description = "One attribute of a service definition.")
    @JsonPropertyOrder({"variable", "code", "datatype", "required", "datatype_description", "order", "description",
            "values"})
    record Attribute(
            @Schema(description = "Always true: the filer gives a value") boolean variable,
            @Schema(maxLength = 32, pattern = "^[a-z_]{1,32}$") String code,
            @Schema(allowableValues = {"string", "singlevaluelist"}) String datatype,
            boolean required,
            @Schema(maxLength = 200) String datatype_description,
            @Schema(minimum = "1", maximum = "10") int order,
            @Schema(maxLength = 200) String description,
            @ArraySchema(maxItems = 20, arraySchema = @Schema(description = "The options of a list (absent otherwise)"))
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Value> values) {

        static Attribute of(Open311Catalog.Attribute a) {
            return new Attribute(true, a.code(), a.datatype(), a.required(), a.datatypeDescription(), a.order(),
                    a.description(), a.values().stream().map(v -> new Value(v.key(), v.name())).toList());
        }
    }

    @Schema(description = "An option of a list attribute.")
    @JsonPropertyOrder({"key", "name"})
    record Value(@Schema(maxLength = 32, pattern = "^[A-Z_]{1,32}$") String key,
            @Schema(maxLength = 32) String name) {
    }

    @Schema(description = "The request just filed.")
    @JsonPropertyOrder({"service_request_id", "service_notice", "account_id"})
    record Created(
            @Schema(description = "Its id, to track it by", maxLength = 19, pattern = ORDER_NO)
            String service_request_id,
            @Schema(description = "What happens next and how soon", maxLength = 200) String service_notice,
            @Schema(description = "Always null: no account of the filer is kept", maxLength = 100, nullable = true)
            String account_id) {

        static Created of(Open311Requests.Filed filed) {
            return new Created(filed.serviceRequestId(), filed.serviceNotice(), null);
        }
    }

    @Schema(description = "A service request as anyone may read it: never who filed it.")
    @JsonPropertyOrder({"service_request_id", "status", "status_notes", "service_name", "service_code", "description",
            "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
            "address", "address_id", "zipcode", "lat", "long", "media_url"})
    record Request(
            @Schema(maxLength = 19, pattern = ORDER_NO) String service_request_id,
            @Schema(description = "open, or closed once the matter is concluded (办结 or answered directly)",
                    allowableValues = {"open", "closed"}) String status,
            @Schema(description = "Where it is in the hotline's closed loop", maxLength = 100) String status_notes,
            @Schema(maxLength = 64) String service_name,
            @Schema(maxLength = 32, pattern = CATEGORY) String service_code,
            @Schema(maxLength = TEXT) String description,
            @Schema(description = "The lead department (主办), once dispatched", maxLength = 16, pattern = DEPARTMENT,
                    nullable = true) String agency_responsible,
            @Schema(maxLength = 200) String service_notice,
            @Schema(maxLength = 25, pattern = DATETIME) String requested_datetime,
            @Schema(maxLength = 25, pattern = DATETIME) String updated_datetime,
            @Schema(description = "When the department's reply is due, while one is", maxLength = 25,
                    pattern = DATETIME, nullable = true) String expected_datetime,
            @Schema(maxLength = ADDRESS) String address,
            @Schema(description = "Always null: no master address repository", maxLength = 100, nullable = true)
            String address_id,
            @Schema(description = "Always null", maxLength = 10, nullable = true) String zipcode,
            @Schema(minimum = "-90", maximum = "90", nullable = true) Double lat,
            @JsonProperty("long") @Schema(name = "long", minimum = "-180", maximum = "180", nullable = true) Double lng,
            @Schema(description = "Always null: no media is taken through Open311", maxLength = 2000,
                    nullable = true) String media_url) {

        static Request of(Open311Requests.ServiceRequest r) {
            return new Request(r.serviceRequestId(), r.closed() ? "closed" : "open", r.statusNotes(),
                    r.serviceName(), r.serviceCode(), r.description(), r.agencyResponsible(), r.serviceNotice(),
                    datetime(r.requested()), datetime(r.updated()), datetime(r.expected()), r.address(), null, null,
                    r.lat(), r.lng(), null);
        }
    }

    @Schema(description = "One error. `code` is the HTTP status; `description` says what is wrong.")
    @JsonPropertyOrder({"code", "description"})
    record Error(@Schema(minimum = "400", maximum = "599") int code,
            @Schema(maxLength = 2000) String description) {
    }
}
