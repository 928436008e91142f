package dev.onewindow.casehandling.cases;

import java.util.Set;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;

/**
 * Who performs a command, as far as the aggregate's rules are concerned: taken from the validated token by the
 * service. Department scoping (own department only) is applied when the case is loaded; the aggregate checks the role
 * of each transition again, because one endpoint (request supplement) serves two roles in two states.
 */
public record Actor(String id, String name, Set<String> roles, String department) {

    public static final Actor SYSTEM = new Actor("system", "system", Set.of("system"), null);

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** The caller a token names. */
    static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.username(), caller.roles(), caller.dept());
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The role this actor acts in for a transition that needs {@code role}; refused if it lacks it. */
    String require(String role, String action) {
        if (!has(role)) {
            throw DomainException.notAllowed("only a " + role + " may " + action + " a case");
        }
        return role;
    }
}
