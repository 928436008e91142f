package dev.onewindow.casehandling.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application form (or a supplement's form changes) split for storage: the fields that are not personal in clear,
 * the personal ones sealed ({@link SealedValue}), and the names of every field that is personal for the case
 * (decided at submission, growing with what a supplement brings; see {@link PersonalForms}).
 */
public record SealedForm(Map<String, Object> clear, Map<String, SealedValue> sealed, List<String> personalFields) {

    public static final SealedForm NONE = new SealedForm(Map.of(), Map.of(), List.of());

    public SealedForm {
        clear = clear == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clear));
        sealed = sealed == null ? Map.of() : Map.copyOf(sealed);
        personalFields = personalFields == null ? List.of() : List.copyOf(personalFields);
    }

    /** A form with nothing personal in it (tests, and forms of cases stored before personal fields were sealed). */
    public static SealedForm plain(Map<String, Object> form) {
        return new SealedForm(form, Map.of(), List.of());
    }
}
