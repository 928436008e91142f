package dev.onewindow.hotline.open311.web;

import dev.onewindow.platform.domain.DomainException;
import org.springframework.http.MediaType;

/** The formats the facade answers in, chosen by the resource's extension ({@code services.json}, {@code .xml}). */
enum GeoReportFormat {

    JSON(MediaType.parseMediaType("application/json;charset=UTF-8")),
    XML(MediaType.parseMediaType("text/xml;charset=UTF-8"));

    /** The path variable of the extension, as documented. */
    static final String PATTERN = "^(json|xml)$";

    private final MediaType mediaType;

    GeoReportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    static GeoReportFormat of(String extension) {
        return switch (extension) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> throw DomainException.invalid("UNKNOWN_FORMAT", "the format '" + extension
                    + "' is not offered: ask for .json or .xml").with("field", "format");
        };
    }

    /**
     * The format an error is answered in: the one the path asks for, else XML, the format the specification requires
     * of every GeoReport server and so the one every client reads.
     */
    static GeoReportFormat ofPath(String path) {
        return path != null && path.endsWith(".json") ? JSON : XML;
    }
}
