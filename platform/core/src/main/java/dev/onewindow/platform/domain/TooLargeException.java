package dev.onewindow.platform.domain;

/** Content over a configured size. */
public final class TooLargeException extends DomainException {

    private static final long serialVersionUID = 1L;

    public TooLargeException(String code, String detail) {
        super(code, detail);
    }

    @Override
    public TooLargeException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
