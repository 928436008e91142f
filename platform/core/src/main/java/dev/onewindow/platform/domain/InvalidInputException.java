package dev.onewindow.platform.domain;

/** Input that breaks a rule of the domain: a bad value, a missing field, a reference to something the rule does not know. */
public non-sealed class InvalidInputException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String code, String detail) {
        super(code, detail);
    }

    @Override
    public InvalidInputException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
