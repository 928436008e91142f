package dev.onewindow.elicense.clients.casehandling;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** case-handling's answer: {@code {"caseId":"…","fields":{…every face field of the case…}}}; other members ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record LicenseFace(String caseId, Map<String, Object> fields) {
}
