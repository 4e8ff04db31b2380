package org.gridfleet.store;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.Ids;

/** Why a command was sent: it carries out one interval of a plan, or a re-dispatch that departs from the plan. */
public sealed interface CommandOrigin {
    /** Interval {@code interval} (0-based) of the saved plan {@code planId}. */
    record FromPlan(String planId, int interval) implements CommandOrigin {
        public FromPlan {
            requireNonNull(planId, "planId");
            if (!Ids.isValid(planId)) {
                throw new IllegalArgumentException("plan id must match " + Ids.PATTERN.pattern() + ": '" + planId + "'");
            }
            if (interval < 0) {
                throw new IllegalArgumentException("plan interval must be >= 0: " + interval);
            }
        }
    }

    /** A re-dispatch, and why (the store cuts the reason to 2,000 characters). */
    record Redispatch(String reason) implements CommandOrigin {
        public Redispatch {
            requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a re-dispatch must say why");
            }
        }
    }
}
