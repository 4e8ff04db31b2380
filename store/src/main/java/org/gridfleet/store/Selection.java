package org.gridfleet.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.gridfleet.model.Ids;

/**
 * The choice of one plan to execute. The newest selection is the one in force.
 *
 * @param selectedBy whether a rule or an operator chose it
 * @param selector   the rule's name or the operator's name (at most 64 characters)
 * @param reason     why, in words; the store cuts it to 2,000 characters
 */
public record Selection(String planId, SelectedBy selectedBy, String selector, String reason, Instant time) {
    /** Who made a selection. */
    public enum SelectedBy { RULE, OPERATOR }

    public Selection {
        requireNonNull(planId, "planId");
        requireNonNull(selectedBy, "selectedBy");
        requireNonNull(selector, "selector");
        requireNonNull(reason, "reason");
        requireNonNull(time, "time");
        if (!Ids.isValid(planId)) {
            throw new IllegalArgumentException("plan id must match " + Ids.PATTERN.pattern() + ": '" + planId + "'");
        }
        if (selector.isBlank() || selector.length() > 64) {
            throw new IllegalArgumentException("selector must be a rule's or an operator's name of 1 to 64 characters: '" + selector + "'");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a selection must say why");
        }
    }
}
