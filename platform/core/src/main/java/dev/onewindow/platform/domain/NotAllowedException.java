package dev.onewindow.platform.domain;

/** The caller's role, department or relation to the record does not allow the action. */
public final class NotAllowedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotAllowedException(String code, String detail) {
        super(code, detail);
    }

    @Override
    public NotAllowedException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
