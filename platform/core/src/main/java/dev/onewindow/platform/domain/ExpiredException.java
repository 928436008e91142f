package dev.onewindow.platform.domain;

/** Something that was valid no longer is, such as a single-use code past its lifetime. */
public final class ExpiredException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ExpiredException(String code, String detail) {
        super(code, detail);
    }

    @Override
    public ExpiredException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
