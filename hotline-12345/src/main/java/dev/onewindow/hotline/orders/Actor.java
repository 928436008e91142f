package dev.onewindow.hotline.orders;

import java.util.Set;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;

/**
 * Who performs a command, taken from the validated token. The aggregate checks the role of each transition and, for a
 * department's step, that the actor belongs to an assigned department.
 */
public record Actor(String id, String name, Set<String> roles, String department) {

    public static final Actor SYSTEM = new Actor("system", "system", Set.of("system"), null);

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.username() == null ? caller.clientId() : caller.username(),
                caller.roles(), caller.dept());
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The role this actor acts in for a step that needs {@code role}; refused if it lacks it. */
    String require(String role, String action) {
        if (!has(role)) {
            throw DomainException.notAllowed("only a " + role + " may " + action + " a work order");
        }
        return role;
    }
}
