package dev.onewindow.evaluation.rectifications;

/** What the department did about the bad rating: put it right (整改), or explained why it was right (解释说明). */
public enum FeedbackResult {
    RECTIFIED, EXPLAINED
}
