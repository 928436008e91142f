package dev.onewindow.hotline.open311.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.onewindow.hotline.open311.Open311Catalog;
import dev.onewindow.hotline.open311.Open311Requests;
import dev.onewindow.hotline.open311.PartnerCredentials;
import dev.onewindow.platform.domain.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.hotline.Limits.CATEGORY;
import static dev.onewindow.hotline.Limits.ORDER_NO;

/**
 * The Open311 GeoReport v2 facade (https://wiki.open311.org/GeoReport_v2) over work orders: services are the leaf
 * categories, a service request is a work order filed through the partner channel. Field names, XML elements, the
 * format by extension and the error shape ({@code [{code, description}]}, 400/403/404) are the specification's, so
 * an existing Open311 client works unchanged — which is why its errors are not problem+json (docs/api-docs.md).
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311 GeoReport v2", description = """
        The city's 12345 hotline as an Open311 GeoReport v2 endpoint: list the services, read a service's \
        attributes, file a request (a partner: api_key or a partner's Bearer token) and track it. Answers in JSON \
        (`.json`) or XML (`.xml`), named as the specification names them; errors are GeoReport errors \
        (`[{"code": 404, "description": "…"}]`, `<errors><error>` in XML) with status 400, 403 or 404 — except an \
        invalid token (401) and the gateway's 429 and 503, which are problem+json as everywhere. One jurisdiction \
        per deployment: `jurisdiction_id` is optional, any other than this deployment's is 404. Only requests filed \
        through the partner channel are listed; a request never shows who filed it.""")
class Open311Controller {

    private static final String JSON = "application/json";
    private static final String XML = "text/xml";
    private static final String XML_DOCUMENT = "The same document as XML: the specification's root and child "
            + "elements, one element per field (empty for none).";
    private static final String ERRORS = "GeoReport errors: `code` is the HTTP status, `description` says why.";
    private static final int LIST = 2000;

    private final Open311Catalog catalog;
    private final Open311Requests requests;
    private final PartnerCredentials credentials;
    private final GeoReportWriter writer;

    Open311Controller(Open311Catalog catalog, Open311Requests requests, PartnerCredentials credentials,
            GeoReportWriter writer) {
        this.catalog = catalog;
        this.requests = requests;
        this.credentials = credentials;
        this.writer = writer;
    }

    // ------------------------------------------------------------------------------------------------ services

    @Operation(summary = "List the services (GET Service List)", description = "Every service this jurisdiction "
            + "takes requests for: the leaf categories of the hotline's category tree, `group` being the top-level "
            + "category.")
    @ApiResponse(responseCode = "200", description = "The services", content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 1000,
                    schema = @Schema(implementation = GeoReport.Service.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 1_000_000,
                    description = XML_DOCUMENT))})
    @ApiResponse(responseCode = "400", description = "An unknown format. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @ApiResponse(responseCode = "404", description = "Another jurisdiction. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @ApiResponse(responseCode = "500", description = "An unexpected error. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @GetMapping("/services.{format}")
    ResponseEntity<byte[]> services(
            @Parameter(description = "json or xml", schema = @Schema(allowableValues = {"json", "xml"}))
            @PathVariable String format,
            @Parameter(description = "This deployment's jurisdiction (optional)")
            @RequestParam(name = "jurisdiction_id", required = false) @Size(max = Open311Form.JURISDICTION)
            String jurisdictionId) {
        GeoReportFormat as = GeoReportFormat.of(format);
        catalog.requireJurisdiction(blankToNull(jurisdictionId));
        List<GeoReport.Service> services = catalog.services().stream().map(GeoReport.Service::of).toList();
        return writer.write(HttpStatus.OK, as, services, () -> GeoReportXml.services(services));
    }

    @Operation(summary = "Read a service's attributes (GET Service Definition)", description = "The attributes a "
            + "request of the service may carry as `attribute[code]=value`: `region` (the district, default the "
            + "configured one) and `demand_type` (default by service: a consultation, a praise, a suggestion, else a "
            + "complaint).")
    @ApiResponse(responseCode = "200", description = "The service definition", content = {
            @Content(mediaType = JSON, schema = @Schema(implementation = GeoReport.ServiceDefinition.class)),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000,
                    description = XML_DOCUMENT))})
    @ApiResponse(responseCode = "400", description = "An unknown format. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @ApiResponse(responseCode = "404", description = "No such service, or another jurisdiction. " + ERRORS,
            content = {
                    @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                            schema = @Schema(implementation = GeoReport.Error.class))),
                    @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @ApiResponse(responseCode = "500", description = "An unexpected error. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @GetMapping("/services/{service_code}.{format}")
    ResponseEntity<byte[]> definition(
            @Parameter(description = "From the service list", schema = @Schema(maxLength = 32, pattern = CATEGORY))
            @PathVariable("service_code") String serviceCode,
            @Parameter(description = "json or xml", schema = @Schema(allowableValues = {"json", "xml"}))
            @PathVariable String format,
            @Parameter(description = "This deployment's jurisdiction (optional)")
            @RequestParam(name = "jurisdiction_id", required = false) @Size(max = Open311Form.JURISDICTION)
            String jurisdictionId) {
        GeoReportFormat as = GeoReportFormat.of(format);
        catalog.requireJurisdiction(blankToNull(jurisdictionId));
        Open311Catalog.Service service = catalog.service(serviceCode);
        GeoReport.ServiceDefinition definition = new GeoReport.ServiceDefinition(service.code(),
                catalog.attributes(service).stream().map(GeoReport.Attribute::of).toList());
        return writer.write(HttpStatus.OK, as, definition, () -> GeoReportXml.definition(definition));
    }

    // ------------------------------------------------------------------------------------------------ requests

    @Operation(summary = "File a service request (POST Service Request)", description = """
            A partner files a work order through the partner channel: send `api_key` (issued to a registered \
            partner) or a partner client's Bearer token; with a token, the token decides. `service_code`, a location \
            (`lat` and `long`, or `address_string`) and `description` are required. The filer's name (first and last \
            name) and `phone` (a mainland mobile number) are kept as for any caller (masked, the number encrypted) \
            and never shown through Open311; without either the request is anonymous. `address_id`, `email`, \
            `device_id`, `account_id` and `media_url` are accepted and not kept. Nothing is stored when refused.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/x-www-form-urlencoded",
                    schema = @Schema(implementation = Open311Form.Documented.class))))
    @ApiResponse(responseCode = "201", description = "Filed: its id, what happens next, no account", content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 1,
                    schema = @Schema(implementation = GeoReport.Created.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 10_000,
                    description = XML_DOCUMENT))})
    @ApiResponse(responseCode = "400", description = "A parameter is missing or breaks a rule (an unknown "
            + "parameter, a bad phone, region or demand type, an unknown format). " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @ApiResponse(responseCode = "403", description = "Missing or invalid api_key, or a token that is not a "
            + "partner's. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @ApiResponse(responseCode = "404", description = "No such service, or another jurisdiction. " + ERRORS,
            content = {
                    @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                            schema = @Schema(implementation = GeoReport.Error.class))),
                    @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @ApiResponse(responseCode = "500", description = "An unexpected error. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @PostMapping("/requests.{format}")
    ResponseEntity<byte[]> file(
            @Parameter(description = "json or xml", schema = @Schema(allowableValues = {"json", "xml"}))
            @PathVariable String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        GeoReportFormat as = GeoReportFormat.of(format);
        Open311Form form = new Open311Form(parameters);
        var partner = credentials.partner(form.apiKey());
        catalog.requireJurisdiction(form.jurisdictionId());
        List<GeoReport.Created> created = List.of(GeoReport.Created.of(requests.file(form.request(), partner)));
        return writer.write(HttpStatus.CREATED, as, created, () -> GeoReportXml.created(created));
    }

    @Operation(summary = "List service requests (GET Service Requests)", description = """
            The requests filed through the partner channel, newest first, at most 1000: those named by \
            `service_request_id` (which overrides every other filter), else those filed between `start_date` and \
            `end_date` (the last 90 days unless given; at most 90 days apart) of the given services and statuses. \
            Dates in W3C ISO 8601 with an offset (2026-03-02T08:00:00+08:00), or a date alone (in +08:00).""")
    @ApiResponse(responseCode = "200", description = "The requests", content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = Open311Requests.MAX_LIST,
                    schema = @Schema(implementation = GeoReport.Request.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 10_000_000,
                    description = XML_DOCUMENT))})
    @ApiResponse(responseCode = "400", description = "A filter breaks a rule (a date, a status, a period over 90 "
            + "days, an unknown format). " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @ApiResponse(responseCode = "404", description = "Another jurisdiction. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @ApiResponse(responseCode = "500", description = "An unexpected error. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @GetMapping("/requests.{format}")
    ResponseEntity<byte[]> list(
            @Parameter(description = "json or xml", schema = @Schema(allowableValues = {"json", "xml"}))
            @PathVariable String format,
            @Parameter(description = "This deployment's jurisdiction (optional)")
            @RequestParam(name = "jurisdiction_id", required = false) @Size(max = Open311Form.JURISDICTION)
            String jurisdictionId,
            @Parameter(description = "Request ids, comma-separated (at most 100)")
            @RequestParam(name = "service_request_id", required = false) @Size(max = LIST) String ids,
            @Parameter(description = "Service codes, comma-separated")
            @RequestParam(name = "service_code", required = false) @Size(max = LIST) String serviceCodes,
            @Parameter(description = "Filed at or after")
            @RequestParam(name = "start_date", required = false) @Size(max = 35) String startDate,
            @Parameter(description = "Filed at or before")
            @RequestParam(name = "end_date", required = false) @Size(max = 35) String endDate,
            @Parameter(description = "open, closed, or both comma-separated")
            @RequestParam(name = "status", required = false) @Size(max = 20) String status) {
        GeoReportFormat as = GeoReportFormat.of(format);
        catalog.requireJurisdiction(blankToNull(jurisdictionId));
        Open311Requests.Filter filter = new Open311Requests.Filter(commaList("service_request_id", ids),
                commaList("service_code", serviceCodes), date("start_date", startDate, false),
                date("end_date", endDate, true), statuses(status));
        List<GeoReport.Request> found = requests.list(filter).stream().map(GeoReport.Request::of).toList();
        return writer.write(HttpStatus.OK, as, found, () -> GeoReportXml.requests(found));
    }

    @Operation(summary = "Read a service request (GET Service Request)", description = "One request filed through "
            + "the partner channel, by its id (the work order's number), as a list of one.")
    @ApiResponse(responseCode = "200", description = "The request", content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 1,
                    schema = @Schema(implementation = GeoReport.Request.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000,
                    description = XML_DOCUMENT))})
    @ApiResponse(responseCode = "400", description = "An unknown format. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @ApiResponse(responseCode = "404", description = "No such request (or not one filed through the partner "
            + "channel), or another jurisdiction. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @ApiResponse(responseCode = "500", description = "An unexpected error. " + ERRORS, content = {
            @Content(mediaType = JSON, array = @ArraySchema(maxItems = 20,
                    schema = @Schema(implementation = GeoReport.Error.class))),
            @Content(mediaType = XML, schema = @Schema(type = "string", maxLength = 100_000))})
    @GetMapping("/requests/{service_request_id}.{format}")
    ResponseEntity<byte[]> get(
            @Parameter(description = "The request's id", schema = @Schema(maxLength = 19, pattern = ORDER_NO))
            @PathVariable("service_request_id") String id,
            @Parameter(description = "json or xml", schema = @Schema(allowableValues = {"json", "xml"}))
            @PathVariable String format,
            @Parameter(description = "This deployment's jurisdiction (optional)")
            @RequestParam(name = "jurisdiction_id", required = false) @Size(max = Open311Form.JURISDICTION)
            String jurisdictionId) {
        GeoReportFormat as = GeoReportFormat.of(format);
        catalog.requireJurisdiction(blankToNull(jurisdictionId));
        List<GeoReport.Request> found = List.of(GeoReport.Request.of(requests.get(id)));
        return writer.write(HttpStatus.OK, as, found, () -> GeoReportXml.requests(found));
    }

    // ------------------------------------------------------------------------------------------------ parameters

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<String> commaList(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        List<String> items = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (items.size() > 100) {
            throw DomainException.invalid("TOO_MANY_VALUES", name + " names more than 100 values")
                    .with("field", name);
        }
        return items.isEmpty() ? null : items;
    }

    /** W3C datetime with an offset, or a date alone (its first or last instant in +08:00). */
    private static Instant date(String name, String value, boolean endOfDay) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(GeoReport.CITY_TIME)
                        .minusSeconds(endOfDay ? 1 : 0);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw DomainException.invalid("INVALID_DATE", name + " must be a W3C datetime with an offset, e.g. "
                    + "2026-03-02T08:00:00+08:00 or 2026-03-02T00:00:00Z").with("field", name);
        }
    }

    private static Set<Boolean> statuses(String value) {
        List<String> items = commaList("status", value);
        if (items == null) {
            return null;
        }
        Set<Boolean> closed = new LinkedHashSet<>();
        for (String item : items) {
            switch (item) {
                case "open" -> closed.add(false);
                case "closed" -> closed.add(true);
                default -> throw DomainException.invalid("INVALID_STATUS", "status must be open, closed, or both "
                        + "comma-separated").with("field", "status");
            }
        }
        return closed;
    }
}
