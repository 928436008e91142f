package dev.onewindow.dataexchange.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.dataexchange.resources.AccessMode;
import dev.onewindow.dataexchange.resources.DataResource;
import dev.onewindow.dataexchange.resources.FieldType;
import dev.onewindow.dataexchange.resources.ResourceField;
import dev.onewindow.dataexchange.resources.ShareType;
import dev.onewindow.dataexchange.resources.UpdateFrequency;

/** Domain fixtures for tests without Spring: a resource of each kind, the settings with the development key. */
public final class Fixtures {

    /** The local profile's development head-signing key (application-local.yml). */
    public static final String DEV_PRIVATE_KEY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHBsHkf7Nm2BT5P20WJOMvrYucgG2"
            + "ous2k7XPhTzr1f6hRANCAAT5GUXdW7MOfwpO5+E7B8JTyo0BeagXzAaTm7ekFxYXJgcc+nRUIjNMPEEME4WQ6kXkJbrZCDqNvP7O0QF"
            + "ihPZI";
    public static final String DEV_PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE+RlF3VuzDn8KTufhOwfCU8qNAXmoF8wGk5u3pB"
            + "cWFyYHHPp0VCIzTDxBDBOFkOpF5CW62Qg6jbz+ztEBYoT2SA==";

    private Fixtures() {
    }

    public static DataExchangeProperties properties() {
        return new DataExchangeProperties(null, null, null, null, null, null, null, null,
                new DataExchangeProperties.AccessLog(8, Duration.ofMinutes(1), new DataExchangeProperties.SigningKey(
                        "dx-dev-es256", DEV_PRIVATE_KEY, DEV_PUBLIC_KEY)),
                Map.of("scjgj", new DataExchangeProperties.Provider("http://localhost")), null, null);
    }

    /** 人社's social-insurance records: a pushed dataset, conditional, keyed by ID number. */
    public static DataResource socialInsurance(Instant at) {
        return DataResource.register("RSJ-SBJL", "RSJ", "341300", new DataResource.Definition("社会保险参保信息", null,
                List.of(new ResourceField("idNumber", "公民身份号码", FieldType.ID_NUMBER, 3, true),
                        new ResourceField("name", "姓名", FieldType.NAME, 3, true),
                        new ResourceField("insuranceType", "参保险种", FieldType.STRING, 2, false),
                        new ResourceField("insuredStatus", "参保状态", FieldType.STRING, 2, false),
                        new ResourceField("monthlyBase", "缴费基数", FieldType.NUMBER, 3, true)), "idNumber",
                ShareType.CONDITIONAL, "国发〔2016〕51号 有条件共享", UpdateFrequency.DAILY, AccessMode.DATASET, null),
                Set.of("scjgj"), at);
    }
}
