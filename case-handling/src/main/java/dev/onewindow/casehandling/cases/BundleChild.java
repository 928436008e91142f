package dev.onewindow.casehandling.cases;

/**
 * A bundle parent's view of one member case. {@code lastSequence} is the member's last event applied to the parent,
 * so a redelivered or out-of-date event changes nothing.
 */
public record BundleChild(String caseId, String caseNo, String implementationCode, String departmentCode,
        CaseStatus status, long lastSequence) {

    BundleChild advancedTo(CaseStatus newStatus, long sequence) {
        return new BundleChild(caseId, caseNo, implementationCode, departmentCode, newStatus, sequence);
    }
}
