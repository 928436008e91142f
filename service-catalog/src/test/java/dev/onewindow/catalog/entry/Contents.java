package dev.onewindow.catalog.entry;

import java.math.BigDecimal;
import java.util.List;

import dev.onewindow.catalog.item.ApplicantType;

/** Test builder for entry content: {@code Contents.full()} is valid and uses every part of the model. */
public final class Contents {

    private String name = "食品经营许可";
    private int statutory = 20;
    private int promised = 10;
    private List<ProcessStep> steps = List.of(new ProcessStep("受理", 1), new ProcessStep("审查", 5),
            new ProcessStep("决定", 4));
    private List<Material> materials = List.of(
            new Material("M01", "食品经营许可申请书", true, null, 1, 0, "https://example.gov.cn/form.docx", List.of()),
            new Material("M02", "营业执照", true, null, 0, 1, null, List.of("YYZZ")),
            new Material("M03", "授权委托书", false, "委托他人代为办理时提交", 1, 0, null, List.of()));
    private AutoApproval autoApproval = new AutoApproval(true, "2026-1", List.of(
            ApprovalRule.licenseValid("JMSFZ"),
            ApprovalRule.fieldRange("age", BigDecimal.valueOf(16), BigDecimal.valueOf(200)),
            ApprovalRule.fieldEquals("residence", "341300")));
    private Result result = Result.license("SPJYXKZ", "食品经营许可证");
    private Fee fee = Fee.FREE;
    private int onlineDepth = 4;
    private int visits = 0;
    private List<FormField> formFields = List.of(new FormField("operatorName", "经营者名称", false, true),
            new FormField("legalRepresentative", "法定代表人（负责人）", true, true),
            new FormField("legalRepresentativeIdNumber", "法定代表人身份证号", true, false));

    public static Contents aContent() {
        return new Contents();
    }

    public static EntryContent full() {
        return aContent().build();
    }

    public Contents name(String value) { name = value; return this; }
    public Contents limits(int statutoryDays, int promisedDays) { statutory = statutoryDays; promised = promisedDays; return this; }
    public Contents steps(ProcessStep... value) { steps = List.of(value); return this; }
    public Contents materials(Material... value) { materials = List.of(value); return this; }
    public Contents autoApproval(AutoApproval value) { autoApproval = value; return this; }
    public Contents result(Result value) { result = value; return this; }
    public Contents fee(Fee value) { fee = value; return this; }
    public Contents online(int depth, int visitCount) { onlineDepth = depth; visits = visitCount; return this; }
    public Contents formFields(FormField... value) { formFields = List.of(value); return this; }

    public EntryContent build() {
        return new EntryContent(name, "申请人应当先行取得营业执照等合法主体资格，在宿州市从事食品销售和餐饮服务活动的，应当依法取得食品经营许可。",
                "已取得营业执照等合法主体资格。", List.of(ApplicantType.NATURAL_PERSON, ApplicantType.LEGAL_PERSON),
                List.of("开办企业", "准营"), materials, statutory, promised, fee, onlineDepth, visits, false, false,
                autoApproval, result, steps, formFields);
    }
}
