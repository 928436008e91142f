package dev.onewindow.hotline.open311.web;

import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a GeoReport answer in the format the resource asks for, as bytes with their Content-Type set: the format
 * is the path's extension, never the {@code Accept} header, so Spring's content negotiation is kept out of it.
 */
@Component
class GeoReportWriter {

    private final JsonMapper json;

    GeoReportWriter(JsonMapper json) {
        this.json = json;
    }

    ResponseEntity<byte[]> write(HttpStatus status, GeoReportFormat format, Object document, Supplier<byte[]> xml) {
        byte[] body = format == GeoReportFormat.JSON ? json.writeValueAsBytes(document) : xml.get();
        return ResponseEntity.status(status).contentType(format.mediaType()).body(body);
    }
}
