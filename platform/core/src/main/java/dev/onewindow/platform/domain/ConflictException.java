package dev.onewindow.platform.domain;

/** The command clashes with the record's current state or with another record. */
public final class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String detail) {
        super(code, detail);
    }

    @Override
    public ConflictException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
