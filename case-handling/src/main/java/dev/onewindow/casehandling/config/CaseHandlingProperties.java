package dev.onewindow.casehandling.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Everything a city may change without a code change ({@code onewindow.casehandling.*}); defaults are documented
 * in {@code application.yml}. Every deadline of docs/domain.md (case-handling, "Time rules") is here.
 *
 * @param catalogUrl               base URL of service-catalog (Feign)
 * @param elicenseUrl              base URL of e-license (Feign)
 * @param acceptanceWorkingDays    a submission neither accepted nor sent back within this many working days is
 *                                 flagged (逾期未告知, deemed accepted by law)
 * @param maxExtensionWorkingDays  longest extension (延期) an approver may grant
 * @param maxExtensions            how many extensions a case may get
 * @param overdueSweepInterval     how often the acceptance-overdue flag is swept
 * @param formMaxBytes             largest form (serialised JSON) a submission may carry
 * @param maxPageSize              largest page a list query returns
 * @param files                    upload limits of the file store
 * @param deemedAcceptance         a late acceptance counts from the day the materials arrived (行政许可法 §32: not
 *                                 accepted or sent back within the window = deemed accepted)
 * @param maxSupplementRequestsPerPhase 一次性告知: supplement requests allowed before acceptance, and again during
 *                                 review
 * @param separateReviewAndDecision 审批分离: whoever reviewed a case does not approve or deny it
 * @param defaultRegion            the region of an upload whose uploader's token names none (the city's code)
 * @param trustedFaceReaders       clients ({@code azp}) that may read a case's licence face with its personal fields
 *                                 (e-license's service account)
 * @param trustedContactReaders    clients ({@code azp}) that may read a case applicant's contact number in clear
 *                                 (evaluation's service account, which has bad raters called back)
 *
 * <p>The peers' circuit breaker and time limit are the platform's, {@code onewindow.peers.*} ({@code PeerProperties}).
 */
@ConfigurationProperties("onewindow.casehandling")
public record CaseHandlingProperties(String catalogUrl, String elicenseUrl, Integer acceptanceWorkingDays,
        Integer maxExtensionWorkingDays, Integer maxExtensions, Duration overdueSweepInterval, Integer formMaxBytes,
        Integer maxPageSize, Files files, Boolean deemedAcceptance, Integer maxSupplementRequestsPerPhase,
        Boolean separateReviewAndDecision, String defaultRegion, List<String> trustedFaceReaders,
        List<String> trustedContactReaders) {

    public CaseHandlingProperties {
        catalogUrl = catalogUrl == null ? "http://localhost:8081" : catalogUrl;
        elicenseUrl = elicenseUrl == null ? "http://localhost:8083" : elicenseUrl;
        acceptanceWorkingDays = acceptanceWorkingDays == null ? 5 : acceptanceWorkingDays;
        maxExtensionWorkingDays = maxExtensionWorkingDays == null ? 10 : maxExtensionWorkingDays;
        maxExtensions = maxExtensions == null ? 1 : maxExtensions;
        overdueSweepInterval = overdueSweepInterval == null ? Duration.ofMinutes(5) : overdueSweepInterval;
        formMaxBytes = formMaxBytes == null ? 64 * 1024 : formMaxBytes;
        maxPageSize = maxPageSize == null ? 100 : maxPageSize;
        files = files == null ? new Files(null, null) : files;
        deemedAcceptance = deemedAcceptance == null || deemedAcceptance;
        maxSupplementRequestsPerPhase = maxSupplementRequestsPerPhase == null ? 1 : maxSupplementRequestsPerPhase;
        separateReviewAndDecision = separateReviewAndDecision == null || separateReviewAndDecision;
        defaultRegion = defaultRegion == null ? "341300" : defaultRegion;
        trustedFaceReaders = trustedFaceReaders == null ? List.of("e-license") : List.copyOf(trustedFaceReaders);
        trustedContactReaders = trustedContactReaders == null ? List.of("evaluation")
                : List.copyOf(trustedContactReaders);
    }

    /**
     * @param maxSize      largest accepted upload (larger → 413)
     * @param allowedTypes content types accepted (others → 415); the content is also checked to really be one
     */
    public record Files(DataSize maxSize, List<String> allowedTypes) {
        public Files {
            maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
            allowedTypes = allowedTypes == null
                    ? List.of("application/pdf", "image/jpeg", "image/png", "application/ofd")
                    : List.copyOf(allowedTypes);
        }
    }
}
