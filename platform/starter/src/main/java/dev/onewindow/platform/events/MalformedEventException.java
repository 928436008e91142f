package dev.onewindow.platform.events;

/** A record that is not a valid event envelope: retrying cannot help, so it goes straight to the dead letters. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
