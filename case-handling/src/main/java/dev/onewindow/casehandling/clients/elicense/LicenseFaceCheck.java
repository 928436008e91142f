package dev.onewindow.casehandling.clients.elicense;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.onewindow.casehandling.cases.LicenseFaces;
import dev.onewindow.casehandling.cases.LicenseFaces.FaceField;
import dev.onewindow.casehandling.cases.LicenseFaces.FaceSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses an application whose form cannot become the face of the licence its entry issues, before anything is
 * stored or an authorization consumed: the applicant corrects the form now instead of the case stalling at
 * {@code APPROVED} when e-license refuses to issue. e-license owns the face schema and answers by the same rule it
 * applies when issuing from {@code case.approved}; its refusal arrives as the domain's
 * {@code FORM_DOES_NOT_FIT_LICENSE} ({@link LicenseTypeErrorDecoder}). It also tells which face fields are personal
 * (e-license's public type schema), so that those are stored encrypted and never sent on a topic.
 */
@Component
class LicenseFaceCheck implements LicenseFaces {

    private static final Logger log = LoggerFactory.getLogger(LicenseFaceCheck.class);
    /** Licence type codes as the catalog names them (docs/service-contracts.md). */
    static final Pattern LICENSE_TYPE = Pattern.compile("[A-Z0-9]{2,20}");

    /** How long a licence type's face is kept once e-license has told it (types change rarely, by configuration). */
    static final Duration SCHEMA_TTL = Duration.ofMinutes(10);

    private final LicenseTypeClient types;
    private final LicenseSchemaClient schemas;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    LicenseFaceCheck(LicenseTypeClient types, LicenseSchemaClient schemas) {
        this.types = types;
        this.schemas = schemas;
    }

    private record Cached(FaceSchema schema, long until) {
    }

    /**
     * The face of a licence type, cached per type for {@link #SCHEMA_TTL}; a type e-license does not know is an
     * answer too (and cached), while "e-license could not say" is not cached and is asked again next time.
     */
    @Override
    public FaceSchema faceSchema(String licenseType) {
        if (licenseType == null || !LICENSE_TYPE.matcher(licenseType).matches()) {
            return FaceSchema.UNKNOWN_TYPE;
        }
        long now = System.nanoTime();
        Cached cached = cache.get(licenseType);
        if (cached != null && now - cached.until() < 0) {
            return cached.schema();
        }
        Optional<LicenseSchemaClient.LicenseType> answer = schemas.type(licenseType);
        if (answer == null) {
            return FaceSchema.UNAVAILABLE;
        }
        FaceSchema schema = answer.map(type -> FaceSchema.known(type.fields().stream()
                .filter(f -> f.name() != null)
                .map(f -> new FaceField(f.name(), Boolean.TRUE.equals(f.personal()))).toList()))
                .orElse(FaceSchema.UNKNOWN_TYPE);
        cache.put(licenseType, new Cached(schema, now + SCHEMA_TTL.toNanos()));
        return schema;
    }

    @Override
    public void requireFits(String licenseType, Map<String, Object> licenseFields) {
        if (licenseType == null || !LICENSE_TYPE.matcher(licenseType).matches()) {
            // the catalog's data, not the applicant's input: it goes nowhere near e-license's URL, and the
            // application goes ahead unchecked as when e-license cannot answer
            log.warn("the catalog names a licence type that is not a code; the application goes ahead unchecked");
            return;
        }
        LicenseTypeClient.FaceCheck answer = types.check(licenseType,
                new LicenseTypeClient.FaceCheckRequest(licenseFields));
        if (answer == null) {
            log.warn("e-license could not check the form against licence type {}; the application goes ahead "
                    + "unchecked", licenseType);
        }
    }
}
