package dev.onewindow.elicense.license;

import dev.onewindow.elicense.config.ELicenseProperties;
import dev.onewindow.elicense.config.ELicenseProperties.DemoLicense;
import dev.onewindow.elicense.license.LicenseService.IssueCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * LOCAL PROFILE ONLY ({@code onewindow.elicense.demo.enabled}, on in {@code application-local.yml}): issues the
 * demo licences (e.g. the demo citizens' 居民身份证, which the 秒批 demo checks) at start. Idempotent: each has the
 * issuance key {@code demo:<type>:<holderRef>}, so a restart issues nothing new.
 */
@Component
class DemoLicenses implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLicenses.class);

    private final ELicenseProperties properties;
    private final LicenseService licenses;
    private final HolderRefs holders;

    DemoLicenses(ELicenseProperties properties, LicenseService licenses, HolderRefs holders) {
        this.properties = properties;
        this.licenses = licenses;
        this.holders = holders;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled()) {
            return;
        }
        int created = 0;
        for (DemoLicense demo : properties.demo().licenses()) {
            String holderRef = demo.holderIdNumber() != null ? holders.ofIdNumber(demo.holderIdNumber())
                    : holders.ofCreditCode(demo.holderUscc());
            LicenseService.Issued issued = licenses.issue(new IssueCommand(demo.typeCode(), null, holderRef,
                    demo.fields(),
                    true, demo.region() != null ? demo.region() : "341300", null, null,
                    "demo:" + demo.typeCode() + ":" + holderRef, "demo-data"));
            created += issued.created() ? 1 : 0;
        }
        log.info("demo licences: {} configured, {} issued now", properties.demo().licenses().size(), created);
    }
}
