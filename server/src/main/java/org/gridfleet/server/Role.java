package org.gridfleet.server;

import io.javalin.security.RouteRole;
import java.util.Locale;

/** What a token may do, each role including the ones below it: viewers read, operators act on the plant, admins manage the fleet. */
public enum Role implements RouteRole {
    VIEWER, OPERATOR, ADMIN;

    /** Whether this role may do what {@code needed} may. */
    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code viewer}, {@code operator} or {@code admin}, any case. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.label().equalsIgnoreCase(text.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be viewer, operator or admin: '" + text + "'");
    }
}
