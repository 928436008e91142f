package dev.onewindow.hotline.knowledge;

import java.time.Instant;
import java.time.LocalDate;

import dev.onewindow.platform.domain.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An entry of the knowledge base (知识库, GB/T 44191-2024): a question and its authoritative answer, owned by the
 * department that answers for it, valid for a period (policies change: an expired entry is not offered). How often
 * an entry was used for a direct answer is counted apart ({@link KnowledgeBase}), so counting never collides with an
 * edit.
 */
@Document("knowledge")
@CompoundIndex(name = "department", def = "{'department': 1, 'validTo': 1}")
public class KnowledgeEntry {

    @Id
    private final String id;
    @Version
    private Long version;
    private String question;
    private String answer;
    private String categoryCode;
    private final String department;
    private LocalDate validFrom;
    private LocalDate validTo;
    private Instant updatedAt;
    private String updatedBy;

    @PersistenceCreator
    KnowledgeEntry(String id, String department) {
        this.id = id;
        this.department = department;
    }

    static KnowledgeEntry create(String id, String department, Content content, String by, Instant now) {
        KnowledgeEntry entry = new KnowledgeEntry(id, department);
        entry.change(content, by, now);
        return entry;
    }

    /** What a department writes: the question, the answer, the category and the validity. */
    public record Content(String question, String answer, String categoryCode, LocalDate validFrom,
            LocalDate validTo) {
    }

    void change(Content content, String by, Instant now) {
        if (content.validTo() != null && content.validFrom() != null && content.validTo().isBefore(content.validFrom())) {
            throw DomainException.invalid("INVALID_VALIDITY", "validTo is before validFrom").with("field", "validTo");
        }
        question = content.question();
        answer = content.answer();
        categoryCode = content.categoryCode();
        validFrom = content.validFrom();
        validTo = content.validTo();
        updatedAt = now;
        updatedBy = by;
    }

    /** Whether the entry may be offered on {@code day}. */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public String id() { return id; }
    public Long version() { return version; }
    public String question() { return question; }
    public String answer() { return answer; }
    public String categoryCode() { return categoryCode; }
    public String department() { return department; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validTo() { return validTo; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
