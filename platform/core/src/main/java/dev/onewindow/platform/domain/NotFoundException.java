package dev.onewindow.platform.domain;

/** A record that does not exist, or one the caller may not see: the two are indistinguishable by design. */
public final class NotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String code, String detail) {
        super(code, detail);
    }

    @Override
    public NotFoundException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
