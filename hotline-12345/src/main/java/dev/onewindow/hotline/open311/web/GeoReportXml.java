package dev.onewindow.hotline.open311.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The GeoReport v2 documents as the specification's XML: UTF-8 with its declaration, no namespace, the root and child
 * elements of each method ({@code services/service}, {@code service_definition}, {@code service_requests/request},
 * {@code errors/error}), one element per field in the order of the examples, an empty element for no value. Written
 * with the JDK's StAX writer, which escapes every text.
 */
final class GeoReportXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private GeoReportXml() {
    }

    static byte[] services(List<GeoReport.Service> services) {
        return document(xml -> {
            xml.writeStartElement("services");
            for (GeoReport.Service s : services) {
                xml.writeStartElement("service");
                element(xml, "service_code", s.service_code());
                element(xml, "service_name", s.service_name());
                element(xml, "description", s.description());
                element(xml, "metadata", String.valueOf(s.metadata()));
                element(xml, "type", s.type());
                element(xml, "keywords", s.keywords());
                element(xml, "group", s.group());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static byte[] definition(GeoReport.ServiceDefinition definition) {
        return document(xml -> {
            xml.writeStartElement("service_definition");
            element(xml, "service_code", definition.service_code());
            xml.writeStartElement("attributes");
            for (GeoReport.Attribute a : definition.attributes()) {
                xml.writeStartElement("attribute");
                element(xml, "variable", String.valueOf(a.variable()));
                element(xml, "code", a.code());
                element(xml, "datatype", a.datatype());
                element(xml, "required", String.valueOf(a.required()));
                element(xml, "datatype_description", a.datatype_description());
                element(xml, "order", String.valueOf(a.order()));
                element(xml, "description", a.description());
                if (!a.values().isEmpty()) {
                    xml.writeStartElement("values");
                    for (GeoReport.Value v : a.values()) {
                        xml.writeStartElement("value");
                        element(xml, "key", v.key());
                        element(xml, "name", v.name());
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    static byte[] created(List<GeoReport.Created> created) {
        return document(xml -> {
            xml.writeStartElement("service_requests");
            for (GeoReport.Created c : created) {
                xml.writeStartElement("request");
                element(xml, "service_request_id", c.service_request_id());
                element(xml, "service_notice", c.service_notice());
                element(xml, "account_id", c.account_id());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static byte[] requests(List<GeoReport.Request> requests) {
        return document(xml -> {
            xml.writeStartElement("service_requests");
            for (GeoReport.Request r : requests) {
                xml.writeStartElement("request");
                element(xml, "service_request_id", r.service_request_id());
                element(xml, "status", r.status());
                element(xml, "status_notes", r.status_notes());
                element(xml, "service_name", r.service_name());
                element(xml, "service_code", r.service_code());
                element(xml, "description", r.description());
                element(xml, "agency_responsible", r.agency_responsible());
                element(xml, "service_notice", r.service_notice());
                element(xml, "requested_datetime", r.requested_datetime());
                element(xml, "updated_datetime", r.updated_datetime());
                element(xml, "expected_datetime", r.expected_datetime());
                element(xml, "address", r.address());
                element(xml, "address_id", r.address_id());
                element(xml, "zipcode", r.zipcode());
                element(xml, "lat", number(r.lat()));
                element(xml, "long", number(r.lng()));
                element(xml, "media_url", r.media_url());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static byte[] errors(List<GeoReport.Error> errors) {
        return document(xml -> {
            xml.writeStartElement("errors");
            for (GeoReport.Error e : errors) {
                xml.writeStartElement("error");
                element(xml, "code", String.valueOf(e.code()));
                element(xml, "description", e.description());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** A coordinate as written (31.64, never 3.164E1). */
    private static String number(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).toPlainString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (text == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] document(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a GeoReport document", e);
        }
        return out.toByteArray();
    }
}
