package dev.onewindow.supervision.inspections;

/** The result of inspecting one drawn entity. */
public enum Outcome {
    /** 未发现问题 */
    COMPLIANT,
    /** 发现问题，责令整改 */
    NONCOMPLIANT,
    /** 未找到检查对象（查无下落） */
    NOT_FOUND
}
