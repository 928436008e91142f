package dev.onewindow.platform.domain;

/** Content of a type the rule does not accept. */
public final class UnsupportedContentException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnsupportedContentException(String code, String detail) {
        super(code, detail);
    }

    @Override
    public UnsupportedContentException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
