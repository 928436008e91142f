package dev.onewindow.casehandling.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Peers;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Every bad submission is a 4xx problem naming what is wrong — and stores nothing. */
class SubmissionValidationIT extends CaseApiSupport {

    @Test
    void invalidIdentitiesAreRefusedWithTheirCheckDigitProblem() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        String officer = People.officer("SCJGJ");
        String fileId = upload(officer);
        String validId = People.newIdNumber();
        String badId = validId.substring(0, 17) + (validId.charAt(17) == '1' ? '2' : '1');
        String validUscc = People.newUscc();
        String badUscc = validUscc.substring(0, 17) + (validUscc.charAt(17) == 'A' ? 'B' : 'A');
        long before = storedCases();

        assertProblem(submit(officer, counter(entry, fileId, Map.of("type", "NATURAL_PERSON", "name", "李四",
                "idNumber", badId))), 400, "INVALID_ID_NUMBER");
        assertProblem(submit(officer, counter(entry, fileId, Map.of("type", "LEGAL_PERSON", "name", "某某有限公司",
                "uscc", badUscc, "agentName", "王五", "agentIdNumber", validId))), 400, "INVALID_USCC");
        assertProblem(submit(officer, counter(entry, fileId, Map.of("type", "LEGAL_PERSON", "name", "某某有限公司",
                "uscc", validUscc, "agentName", "王五", "agentIdNumber", badId))), 400, "INVALID_ID_NUMBER");
        assertProblem(submit(officer, counter(entry, fileId, Map.of("type", "NATURAL_PERSON", "name", "李四"))), 400,
                "MISSING_APPLICANT");
        assertThat(storedCases()).isEqualTo(before);

        // and the same people, valid, are accepted; the response shows the ID numbers masked
        JsonNode person = created(submit(officer, counter(entry, fileId, Map.of("type", "NATURAL_PERSON",
                "name", "李四", "idNumber", validId))));
        assertThat(person.get("applicant").get("idNumber").asString()).isEqualTo(
                validId.substring(0, 6) + "********" + validId.substring(14));
        assertThat(person.get("channel").asString()).isEqualTo("SERVICE_HALL");
        JsonNode company = created(submit(officer, counter(entry, fileId, Map.of("type", "LEGAL_PERSON",
                "name", "某某有限公司", "uscc", validUscc, "agentName", "王五", "agentIdNumber", validId))));
        assertThat(company.get("applicant").get("uscc").asString()).isEqualTo(validUscc);
        assertThat(company.get("applicant").get("agentIdNumber").asString()).contains("********");
        assertThat(storedCase(person.get("id").asString()).toJson()).doesNotContain(validId);
    }

    @Test
    void theEntryMustExistAndTheRequestedVersionBePublished() {
        Citizen citizen = newCitizen();
        String fileId = upload(citizen.token());
        long before = storedCases();

        Map<String, Object> unknown = Stubs.entry(Stubs.implementationCode("SCJGJ"), 1, "SCJGJ");
        assertProblem(submit(citizen.token(), citizenApplication(unknown, fileId)), 400, "UNKNOWN_ENTRY");

        Map<String, Object> published = publishedEntry("SCJGJ");
        Map<String, Object> draft = new LinkedHashMap<>(published);
        draft.put("version", 2);
        draft.put("status", "DRAFT");
        Stubs.publish(draft);
        Map<String, Object> body = citizenApplication(published, fileId);
        body.put("version", 2);
        Response unpublished = submit(citizen.token(), body);
        assertProblem(unpublished, 400, "ENTRY_NOT_PUBLISHED");
        assertThat(unpublished.json().get("entryStatus").asString()).isEqualTo("DRAFT");
        body.put("version", 7);
        assertProblem(submit(citizen.token(), body), 400, "UNKNOWN_ENTRY");
        assertThat(storedCases()).isEqualTo(before);

        // the explicitly requested published version is the one the case is judged under
        body.put("version", 1);
        assertThat(created(submit(citizen.token(), body)).get("entryVersion").asInt()).isEqualTo(1);
    }

    @Test
    void materialsMustBeCompleteKnownAndTheApplicantsOwnUploads() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        Citizen stranger = newCitizen();
        String fileId = upload(citizen.token());
        long before = storedCases();

        Map<String, Object> none = citizenApplication(entry, fileId);
        none.put("materials", List.of(Map.of("code", "M02", "fileId", fileId)));
        Response missing = submit(citizen.token(), none);
        assertProblem(missing, 400, "MISSING_MATERIALS");
        assertThat(missing.json().get("missingMaterials").values()).extracting(JsonNode::asString)
                .containsExactly("M01");

        assertProblem(submit(stranger.token(), citizenApplication(entry, fileId)), 400, "UNKNOWN_FILE");
        Map<String, Object> unknownCode = citizenApplication(entry, fileId);
        unknownCode.put("materials", List.of(Map.of("code", "M01", "fileId", fileId),
                Map.of("code", "M99", "fileId", fileId)));
        assertProblem(submit(citizen.token(), unknownCode), 400, "UNKNOWN_MATERIAL");
        Map<String, Object> both = citizenApplication(entry, fileId);
        both.put("materials", List.of(Map.of("code", "M01", "fileId", fileId, "licenseAuthorization", "abc")));
        assertProblem(submit(citizen.token(), both), 400, "INVALID_MATERIAL");
        Map<String, Object> notReplaceable = citizenApplication(entry, fileId);
        notReplaceable.put("materials", List.of(Map.of("code", "M01", "fileId", fileId),
                Map.of("code", "M02", "licenseAuthorization", "abc")));
        assertProblem(submit(citizen.token(), notReplaceable), 400, "LICENSE_NOT_ACCEPTED");
        assertThat(storedCases()).isEqualTo(before);
    }

    @Test
    void identityComesFromTheTokenAndEachChannelBelongsToItsRole() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        String fileId = upload(citizen.token());
        long before = storedCases();

        Map<String, Object> claimsSomeoneElse = citizenApplication(entry, fileId);
        claimsSomeoneElse.put("applicant", Map.of("name", "张三", "idNumber", People.newIdNumber()));
        assertProblem(submit(citizen.token(), claimsSomeoneElse), 400, "IDENTITY_FROM_TOKEN");

        String unverified = TokenMinter.shared().user("anonymous-citizen", "citizen").mint();
        assertProblem(submit(unverified, citizenApplication(entry, upload(unverified))), 403, "FORBIDDEN");

        Map<String, Object> atTheCounter = citizenApplication(entry, fileId);
        atTheCounter.put("channel", "SERVICE_HALL");
        assertProblem(submit(citizen.token(), atTheCounter), 403, "FORBIDDEN");
        Map<String, Object> byPhone = citizenApplication(entry, fileId);
        byPhone.put("channel", "HOTLINE_12345");
        assertProblem(submit(citizen.token(), byPhone), 400, "CHANNEL_NOT_ALLOWED");
        Map<String, Object> noSuchChannel = citizenApplication(entry, fileId);
        noSuchChannel.put("channel", "CARRIER_PIGEON");
        assertProblem(submit(citizen.token(), noSuchChannel), 400, "INVALID_VALUE");

        Map<String, Object> companiesOnly = Stubs.entry(Stubs.implementationCode("SCJGJ"), 1, "SCJGJ");
        companiesOnly.put("applicantTypes", List.of("LEGAL_PERSON"));
        Stubs.publish(companiesOnly);
        assertProblem(submit(citizen.token(), citizenApplication(companiesOnly, fileId)), 400,
                "APPLICANT_TYPE_NOT_ALLOWED");

        String reviewer = People.reviewer("SCJGJ");
        assertProblem(submit(reviewer, citizenApplication(entry, fileId)), 403, "FORBIDDEN");
        assertThat(storedCases()).isEqualTo(before);
    }

    @Test
    void theFormIsBoundedAndItsFieldNamesSafe() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        String fileId = upload(citizen.token());
        long before = storedCases();

        // more than 64 KiB in all (a value is at most 4,000 characters: a longer one is an invalid field)
        Map<String, Object> huge = citizenApplication(entry, fileId);
        Map<String, Object> chapters = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            chapters.put("chapter" + i, "很".repeat(3_000));
        }
        huge.put("formData", chapters);
        assertProblem(submit(citizen.token(), huge), 400, "FORM_TOO_LARGE");
        Map<String, Object> essay = citizenApplication(entry, fileId);
        essay.put("formData", Map.of("essay", "很".repeat(30_000)));
        Response tooLong = submit(citizen.token(), essay);
        assertProblem(tooLong, 400, "INVALID_FORM_FIELD");
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("formData.essay");
        Map<String, Object> operator = citizenApplication(entry, fileId);
        operator.put("formData", Map.of("address", Map.of("$where", "1")));
        assertProblem(submit(citizen.token(), operator), 400, "INVALID_FORM_FIELD");
        Map<String, Object> extra = citizenApplication(entry, fileId);
        extra.put("status", "APPROVED");
        assertProblem(submit(citizen.token(), extra), 400, "UNKNOWN_FIELD");
        assertThat(storedCases()).isEqualTo(before);
    }

    @Test
    void theCatalogBeingDownIsA503AndNothingIsStored() {
        Citizen citizen = newCitizen();
        String fileId = upload(citizen.token());
        String code = Stubs.implementationCode("SCJGJ");
        Peers.catalog().stubFor(get(urlEqualTo("/api/v1/catalog/entries/" + code)).willReturn(Stubs.problem(500)));
        long before = storedCases();
        Map<String, Object> body = citizenApplication(Stubs.entry(code, 1, "SCJGJ"), fileId);
        assertProblem(submit(citizen.token(), body), 503, "CATALOG_UNAVAILABLE");
        assertThat(storedCases()).isEqualTo(before);
    }

    @Test
    void uploadsAreLimitedInSizeAndTypeAndCheckedForWhatTheyAre() {
        Citizen citizen = newCitizen();
        long files = mongo.getCollection("case_files").countDocuments();

        Response tooLarge = uploadFile(citizen.token(), "scan.pdf", "application/pdf", pdf(10 * 1024 * 1024 + 1));
        assertProblem(tooLarge, 413, "PAYLOAD_TOO_LARGE");
        assertProblem(uploadFile(citizen.token(), "tool.exe", "application/x-msdownload", new byte[] {'M', 'Z', 0}),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(uploadFile(citizen.token(), "fake.pdf", "application/pdf", "#!/bin/sh\nrm -rf /".getBytes()),
                415, "CONTENT_TYPE_MISMATCH");
        assertProblem(uploadFile(citizen.token(), "empty.png", "image/png", new byte[0]), 400, "EMPTY_FILE");
        assertThat(mongo.getCollection("case_files").countDocuments()).isEqualTo(files);

        Response exactlyTheLimit = uploadFile(citizen.token(), "../../etc/scan.pdf", "application/pdf",
                pdf(10 * 1024 * 1024));
        assertThat(exactlyTheLimit.status()).as(exactlyTheLimit.toString()).isEqualTo(201);
        assertThat(exactlyTheLimit.json().get("name").asString()).isEqualTo("scan.pdf");
        assertThat(exactlyTheLimit.json().get("size").asLong()).isEqualTo(10 * 1024 * 1024);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
        assertThat(uploadFile(citizen.token(), "photo.png", "image/png", png).status()).isEqualTo(201);
        assertProblem(uploadFile(People.reviewer("SCJGJ"), "x.pdf", "application/pdf", pdf(10)), 403, "FORBIDDEN");
    }

    private Response submit(String token, Map<String, Object> body) {
        return api().post("/api/v1/cases").token(token).json(body).send();
    }

    private static JsonNode created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static Map<String, Object> counter(Map<String, Object> entry, String fileId,
            Map<String, Object> applicant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("implementationCode", entry.get("implementationCode"));
        body.put("channel", "SERVICE_HALL");
        body.put("applicant", applicant);
        body.put("formData", Map.of("shopName", "小店"));
        body.put("materials", new ArrayList<>(List.of(Map.of("code", "M01", "fileId", fileId))));
        return body;
    }
}
