package dev.onewindow.casehandling.files;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TokenMinter;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record carries its region (GB/T 2260), uploads too, so regional queries and sharding by region work: staff
 * uploads get their token's region, an applicant's the token's {@code region} claim when it has one, else the city's
 * default ({@code onewindow.casehandling.default-region}, 341300). The upload's answer shows it.
 */
class FileRegionIT extends CaseApiSupport {

    @Test
    void anUploadCarriesTheRegionOfItsUploader() {
        String districtOfficer = TokenMinter.shared().user("officer-district", "window-officer").dept("YQSCJGJ")
                .region("341302").mint();
        assertRegion(uploadFile(districtOfficer, "a.pdf", "application/pdf", pdf(512)), "341302");

        // an applicant's token without a region claim: the city's default
        Citizen citizen = newCitizen();
        assertRegion(uploadFile(citizen.token(), "a.pdf", "application/pdf", pdf(512)), "341300");

        String districtCitizen = TokenMinter.shared().user("citizen-district", "citizen")
                .idNumber(People.newIdNumber()).region("341302").mint();
        assertRegion(uploadFile(districtCitizen, "a.pdf", "application/pdf", pdf(512)), "341302");

        // a claim that is no region code does not become one
        String odd = TokenMinter.shared().client("partner-odd", "partner").claim("region", "../x").mint();
        assertRegion(uploadFile(odd, "a.pdf", "application/pdf", pdf(512)), "341300");
    }

    private void assertRegion(Response uploaded, String region) {
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode body = uploaded.json();
        assertThat(body.get("region").asString()).isEqualTo(region);
        Document stored = mongo.getCollection("case_files")
                .find(new Document("_id", body.get("fileId").asString())).first();
        assertThat(stored.getString("region")).isEqualTo(region);
    }
}
