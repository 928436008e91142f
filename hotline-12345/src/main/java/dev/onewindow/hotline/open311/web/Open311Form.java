package dev.onewindow.hotline.open311.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.onewindow.hotline.open311.Open311Catalog;
import dev.onewindow.hotline.open311.Open311Requests.NewRequest;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.text.MultiLineText;
import dev.onewindow.platform.text.TextPolicy;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.util.MultiValueMap;

import static dev.onewindow.hotline.Limits.ADDRESS;
import static dev.onewindow.hotline.Limits.CATEGORY;
import static dev.onewindow.hotline.Limits.NAME;
import static dev.onewindow.hotline.Limits.REGION;
import static dev.onewindow.hotline.Limits.TEXT;

/**
 * The parameters of POST requests ({@code application/x-www-form-urlencoded}, as the specification sends them), read
 * by hand: {@code attribute[code]} names are data, which no binding to a record reads. Every value passes the
 * platform's text policy (the body of a form is not a JSON body its advice checks); an empty value is an absent one
 * (the specification's "optional"); a parameter given twice, or one the specification does not name, is refused —
 * once the credentials are checked, so that a caller who may not file learns nothing more.
 */
final class Open311Form {

    static final int KEY = 200;
    static final int JURISDICTION = 100;
    private static final int ACCOUNT = 100;
    private static final int EMAIL = 254;
    private static final int PHONE = 20;
    private static final int URL = 2000;

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([a-z_]{1,32})]");
    private static final Set<String> NAMES = Set.of("api_key", "jurisdiction_id", "service_code", "lat", "long",
            "address_string", "address_id", "email", "device_id", "account_id", "first_name", "last_name", "phone",
            "description", "media_url");

    private final MultiValueMap<String, String> form;

    Open311Form(MultiValueMap<String, String> form) {
        this.form = form;
    }

    /** Who files (read before anything else: the specification's 403 comes first). */
    String apiKey() {
        return text("api_key", KEY, TextPolicy.Lines.SINGLE);
    }

    String jurisdictionId() {
        return text("jurisdiction_id", JURISDICTION, TextPolicy.Lines.SINGLE);
    }

    /**
     * The request, checked for form: a service code, a location (both {@code lat} and {@code long}, or an
     * {@code address_string}), a description. {@code address_id}, {@code email}, {@code device_id},
     * {@code account_id} and {@code media_url} are accepted as the specification allows, bounded, and not kept: the
     * hotline keeps no account, address register, e-mail or device of a caller, and takes no media through Open311.
     */
    NewRequest request() {
        for (String name : form.keySet()) {
            Matcher attribute = ATTRIBUTE.matcher(name);
            if (!NAMES.contains(name) && !(attribute.matches() && (attribute.group(1).equals(Open311Catalog.REGION)
                    || attribute.group(1).equals(Open311Catalog.DEMAND_TYPE)))) {
                throw invalid("UNKNOWN_PARAMETER", printable(name), "'" + printable(name)
                        + "' is not a parameter of POST requests (attributes: attribute[region], "
                        + "attribute[demand_type])");
            }
        }
        String serviceCode = text("service_code", 32, TextPolicy.Lines.SINGLE);
        if (serviceCode == null) {
            throw invalid("MISSING_PARAMETER", "service_code", "service_code was not provided");
        }
        Double lat = coordinate("lat", 90);
        Double lng = coordinate("long", 180);
        if ((lat == null) != (lng == null)) {
            throw invalid("INVALID_LOCATION", "lat", "lat and long are sent together");
        }
        String address = text("address_string", ADDRESS, TextPolicy.Lines.SINGLE);
        String addressId = text("address_id", ACCOUNT, TextPolicy.Lines.SINGLE);
        if (lat == null && address == null) {
            throw invalid("MISSING_LOCATION", "address_string", addressId == null
                    ? "a location was not provided: send lat and long, or address_string"
                    : "address_id is not known here (this jurisdiction has no address register): send lat and long, "
                            + "or address_string");
        }
        String description = text("description", TEXT, TextPolicy.Lines.MULTI);
        if (description == null || description.isBlank()) {
            throw invalid("MISSING_PARAMETER", "description", "description was not provided: say what the matter "
                    + "is (at most " + TEXT + " characters)");
        }
        text("email", EMAIL, TextPolicy.Lines.SINGLE);
        text("device_id", ACCOUNT, TextPolicy.Lines.SINGLE);
        text("account_id", ACCOUNT, TextPolicy.Lines.SINGLE);
        text("media_url", URL, TextPolicy.Lines.SINGLE);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String code : List.of(Open311Catalog.REGION, Open311Catalog.DEMAND_TYPE)) {
            String value = text("attribute[" + code + "]", 32, TextPolicy.Lines.SINGLE);
            if (value != null) {
                attributes.put(code, value);
            }
        }
        return new NewRequest(serviceCode, lat, lng, address, text("first_name", NAME, TextPolicy.Lines.SINGLE),
                text("last_name", NAME, TextPolicy.Lines.SINGLE), phone(), description, attributes);
    }

    /** A mainland mobile number as people write it: spaces and hyphens, perhaps +86 before it. */
    private String phone() {
        String phone = text("phone", PHONE, TextPolicy.Lines.SINGLE);
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[ \\-]", "");
        return digits.startsWith("+86") ? digits.substring(3) : digits;
    }

    private Double coordinate(String name, double bound) {
        String value = text(name, 32, TextPolicy.Lines.SINGLE);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= -bound && parsed <= bound) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, as a value out of range is
        }
        throw invalid("INVALID_LOCATION", name, name + " must be a number from " + -bound + " to " + bound
                + " (WGS 84)");
    }

    private String text(String name, int maxLength, TextPolicy.Lines lines) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw invalid("REPEATED_PARAMETER", name, name + " was given more than once");
        }
        String value = values.get(0);
        TextPolicy.Violation violation = TextPolicy.check(value, lines, maxLength);
        if (violation == TextPolicy.Violation.TOO_LONG) {
            throw invalid("INVALID_TEXT", name, name + " is longer than " + maxLength + " characters");
        }
        if (violation != null) {
            throw invalid("INVALID_TEXT", name, name + " " + violation.message());
        }
        return value.isEmpty() ? null : value;
    }

    private static DomainException invalid(String code, String field, String detail) {
        return DomainException.invalid(code, detail).with("field", field);
    }

    private static String printable(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) : name;
        return TextPolicy.check(shown, TextPolicy.Lines.SINGLE) == null ? shown : "(unreadable name)";
    }

    /** The form as the API document shows it (the handler reads the parameters themselves, above). */
    @Schema(name = "Open311PostRequest", description = "A new service request, as GeoReport v2 POST requests sends "
            + "it. Give a location: lat and long, or address_string.")
    record Documented(
            @Schema(description = "An api_key issued to a registered partner (or send a partner's Bearer token "
                    + "instead)", maxLength = KEY) String api_key,
            @Schema(description = "This deployment's jurisdiction (optional)", maxLength = JURISDICTION)
            String jurisdiction_id,
            @Schema(description = "From GET services", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 32,
                    pattern = CATEGORY) String service_code,
            @Schema(description = "Latitude (WGS 84), with long", minimum = "-90", maximum = "90") Double lat,
            @Schema(name = "long", description = "Longitude (WGS 84), with lat", minimum = "-180", maximum = "180")
            Double lng,
            @Schema(description = "Where the matter is, most specific first", maxLength = ADDRESS)
            String address_string,
            @Schema(description = "Accepted, not kept: there is no address register here", maxLength = ACCOUNT)
            String address_id,
            @Schema(description = "Accepted, not kept", maxLength = EMAIL) String email,
            @Schema(description = "Accepted, not kept", maxLength = ACCOUNT) String device_id,
            @Schema(description = "Accepted, not kept", maxLength = ACCOUNT) String account_id,
            @Schema(description = "Given name; kept masked", maxLength = NAME) String first_name,
            @Schema(description = "Family name; kept masked", maxLength = NAME) String last_name,
            @Schema(description = "Mainland mobile number (+86, spaces and hyphens allowed); kept encrypted, never "
                    + "shown by Open311", maxLength = PHONE, pattern = "^(\\+86)?[0-9 \\-]{11,17}$") String phone,
            @Schema(description = "What the matter is", requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = TEXT) @MultiLineText String description,
            @Schema(description = "Accepted, not kept: no media is taken through Open311", maxLength = URL)
            String media_url,
            @Schema(name = "attribute[region]", description = "Region code (GB/T 2260) within the city",
                    maxLength = 6, pattern = REGION) String attribute_region,
            @Schema(name = "attribute[demand_type]", description = "The demand type",
                    allowableValues = {"COMPLAINT", "REPORT", "HELP", "CONSULTATION", "SUGGESTION", "PRAISE"})
            String attribute_demand_type) {
    }
}
