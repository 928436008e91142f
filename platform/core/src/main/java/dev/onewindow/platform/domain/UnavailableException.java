package dev.onewindow.platform.domain;

/** Something the command needs cannot answer now; the client may try again later. */
public final class UnavailableException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String code, String detail) {
        super(code, detail);
    }

    @Override
    public UnavailableException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
