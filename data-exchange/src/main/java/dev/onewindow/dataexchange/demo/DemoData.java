package dev.onewindow.dataexchange.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onewindow.dataexchange.datasets.DatasetService;
import dev.onewindow.dataexchange.resources.AccessMode;
import dev.onewindow.dataexchange.resources.DataResource;
import dev.onewindow.dataexchange.resources.FieldType;
import dev.onewindow.dataexchange.resources.ResourceField;
import dev.onewindow.dataexchange.resources.ResourceRepository;
import dev.onewindow.dataexchange.resources.ResourceService;
import dev.onewindow.dataexchange.resources.ShareType;
import dev.onewindow.dataexchange.resources.UpdateFrequency;
import dev.onewindow.dataexchange.sharing.ShareRequest;
import dev.onewindow.dataexchange.sharing.ShareRequestService;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * LOCAL PROFILE ONLY ({@code onewindow.dataexchange.demo.enabled}): the demo catalog and grants, once (skipped when
 * the catalog already has the demo resources). Three resources — 人社 social-insurance records pushed as a dataset
 * (conditional), 市场监管 enterprise registration answered by the demo provider's system (unconditional), 公安 household
 * registration (not shared) — and the demo consumer 卫健委 (WSJKW) granted both shared ones: the enterprise register
 * at once, the social-insurance records by RSJ's decision. Done through the services, as the stewards would.
 */
@Component
@ConditionalOnProperty(name = "onewindow.dataexchange.demo.enabled", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ResourceService resources;
    private final ResourceRepository stored;
    private final ShareRequestService requests;
    private final DatasetService datasets;
    private final Clock clock;

    DemoData(ResourceService resources, ResourceRepository stored, ShareRequestService requests,
            DatasetService datasets, Clock clock) {
        this.resources = resources;
        this.stored = stored;
        this.requests = requests;
        this.datasets = datasets;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (stored.existsById("RSJ-SBJL")) {
            return;
        }
        Caller rsj = steward("RSJ");
        Caller scjgj = steward("SCJGJ");
        Caller gaj = steward("GAJ");
        Caller wsjkw = steward("WSJKW");
        resources.register("RSJ-SBJL", new DataResource.Definition("社会保险参保信息", "个人参保险种、参保状态、参保单位与"
                + "缴费基数，人社局每日推送", List.of(
                        new ResourceField("idNumber", "公民身份号码", FieldType.ID_NUMBER, 3, true),
                        new ResourceField("name", "姓名", FieldType.NAME, 3, true),
                        new ResourceField("insuranceType", "参保险种", FieldType.STRING, 2, false),
                        new ResourceField("insuredStatus", "参保状态", FieldType.STRING, 2, false),
                        new ResourceField("employer", "参保单位", FieldType.STRING, 2, false),
                        new ResourceField("since", "参保日期", FieldType.DATE, 2, false),
                        new ResourceField("monthlyBase", "缴费基数", FieldType.NUMBER, 3, true)), "idNumber",
                ShareType.CONDITIONAL, "《政务信息资源共享管理暂行办法》(国发〔2016〕51号)第九条 有条件共享；"
                        + "《个人信息保护法》第三十四条", UpdateFrequency.DAILY, AccessMode.DATASET, null), rsj);
        resources.register("SCJGJ-QYDJ", new DataResource.Definition("企业登记信息", "企业名称、类型、法定代表人、"
                + "注册资本、成立日期、住所与登记状态，由市场监管局登记系统实时应答", List.of(
                        new ResourceField("uscc", "统一社会信用代码", FieldType.USCC, 1, false),
                        new ResourceField("entityName", "企业名称", FieldType.STRING, 1, false),
                        new ResourceField("entityType", "企业类型", FieldType.STRING, 1, false),
                        new ResourceField("legalRepresentative", "法定代表人", FieldType.NAME, 2, true),
                        new ResourceField("registeredCapital", "注册资本(万元)", FieldType.NUMBER, 1, false),
                        new ResourceField("establishedOn", "成立日期", FieldType.DATE, 1, false),
                        new ResourceField("address", "住所", FieldType.ADDRESS, 1, false),
                        new ResourceField("status", "登记状态", FieldType.STRING, 1, false)), "uscc",
                ShareType.UNCONDITIONAL, null, UpdateFrequency.REAL_TIME, AccessMode.API, "scjgj"), scjgj);
        resources.register("GAJ-HJXX", new DataResource.Definition("户籍人口底册", "户籍登记底册", List.of(
                        new ResourceField("idNumber", "公民身份号码", FieldType.ID_NUMBER, 4, true),
                        new ResourceField("householdAddress", "户籍地址", FieldType.ADDRESS, 4, true)), "idNumber",
                ShareType.NOT_SHARED, "《居民身份证法》第十九条、《个人信息保护法》第三十四条：户籍底册不予共享，"
                        + "身份核验经公安身份认证服务", UpdateFrequency.REAL_TIME, AccessMode.DATASET, null), gaj);
        datasets.push("RSJ-SBJL", List.of(
                Map.of("idNumber", "341302199003071234", "name", "张伟", "insuranceType", "城镇职工基本养老保险",
                        "insuredStatus", "正常参保", "employer", "宿州市埇桥区示范餐饮有限公司", "since", "2019-06-01",
                        "monthlyBase", 5200),
                Map.of("idNumber", "341302199208152468", "name", "王芳", "insuranceType", "城乡居民基本医疗保险",
                        "insuredStatus", "正常参保", "employer", "灵活就业", "since", "2020-01-01",
                        "monthlyBase", 3800)), rsj);
        var until = clock.instant().plus(Duration.ofDays(365));
        requests.file("SCJGJ-QYDJ", new ShareRequest.Ask(List.of("uscc", "entityName", "legalRepresentative",
                "address", "status"), List.of(), "医疗机构执业登记：核验申请单位营业执照登记信息",
                "《医疗机构管理条例》第十条", until, 600), wsjkw);
        ShareRequest sb = requests.file("RSJ-SBJL", new ShareRequest.Ask(List.of("idNumber", "name",
                "insuranceType", "insuredStatus", "since"), List.of(), "医疗救助对象参保状态核验",
                "《社会救助暂行办法》第二十八条", until, 600), wsjkw);
        requests.decide(sb.id(), true, new ShareRequest.Approval(null, null, null, null), null, rsj);
        log.info("demo data: 3 resources, 2 dataset records, 2 grants to WSJKW");
    }

    private static Caller steward(String dept) {
        return new Caller("demo-data", "demo-data", "data-exchange", Set.of(Roles.DATA_STEWARD), dept, "341300",
                null, null);
    }
}
