package dev.onewindow.catalog.entry;

import java.util.List;

import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Auto-approval (秒批): when enabled, a case whose applicant satisfies every rule is approved without a person. The
 * rule set is versioned ({@code ruleSetVersion}) so a decision can name the rules it was made under.
 */
public record AutoApproval(
        @NotNull Boolean enabled,
        @Size(max = Codes.RULE_SET_VERSION_MAX) @Pattern(regexp = Codes.RULE_SET_VERSION) String ruleSetVersion,
        @Size(max = Limits.RULES) List<@NotNull @Valid ApprovalRule> rules) {

    public static final AutoApproval DISABLED = new AutoApproval(false, null, List.of());

    public AutoApproval {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }
}
