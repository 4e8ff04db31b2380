package org.gridfleet.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridfleet.control.ControlCenter;
import org.gridfleet.control.ControlCenter.OverrideResult;
import org.gridfleet.model.AssetId;
import org.gridfleet.server.view.DeviceDetailView;

/**
 * The operator's manual overrides of one device (docs/api.md, "Manual overrides"): hold it at a set point, take it out
 * of service, return it to the plan. Bodies are validated here; the center checks the set point against the device's
 * physical limits and says why when it refuses one.
 */
final class DeviceActions {
    static final int MAX_NOTE_CHARS = PlanViews.MAX_NOTE_CHARS;
    private static final Set<String> HOLD_FIELDS = Set.of("setpointKw", "until", "note");
    private static final Set<String> OUT_FIELDS = Set.of("note");

    private final ControlCenter center;
    private final PlantViews views;

    DeviceActions(ControlCenter center, PlantViews views) {
        this.center = center;
        this.views = views;
    }

    /** {@code {"setpointKw": x, "until": optional ISO time, "note": why}}, validated. */
    record HoldRequest(double setpointKw, Optional<Instant> until, String note) {
        static HoldRequest of(JsonNode body) {
            object(body, HOLD_FIELDS, "{\"setpointKw\": 250, \"until\": \"2026-11-23T12:00:00Z\", \"note\": \"why\"}");
            JsonNode kw = body.get("setpointKw");
            if (kw == null || !kw.isNumber() || !Double.isFinite(kw.asDouble())) {
                throw ApiProblem.badRequest("setpointKw: required, the set point in kW as a number (positive into the grid, storage charging negative)");
            }
            JsonNode until = body.get("until");
            Optional<Instant> at = Optional.empty();
            if (until != null && !until.isNull()) {
                if (!until.isTextual()) {
                    throw ApiProblem.badRequest("until: expected an ISO-8601 UTC time such as \"2026-11-23T12:00:00Z\"");
                }
                try {
                    at = Optional.of(Instant.parse(until.asText().strip()));
                } catch (DateTimeParseException e) {
                    throw ApiProblem.badRequest("until: not an ISO-8601 UTC time such as \"2026-11-23T12:00:00Z\": '" + until.asText() + "'");
                }
            }
            return new HoldRequest(kw.asDouble(), at, requiredNote(body));
        }
    }

    DeviceDetailView hold(String id, JsonNode body, ApiToken caller) {
        AssetId device = known(id);
        HoldRequest request = HoldRequest.of(body);
        return switch (center.hold(device, request.setpointKw(), request.until(), caller.name(), request.note())) {
            case OverrideResult.Applied a -> detail(id);
            case OverrideResult.Refused r -> throw ApiProblem.unprocessable(id + " cannot be held at " + request.setpointKw() + " kW: " + r.reason(),
                    Map.of("device", id));
        };
    }

    DeviceDetailView takeOutOfService(String id, JsonNode body, ApiToken caller) {
        AssetId device = known(id);
        object(body, OUT_FIELDS, "{\"note\": \"why\"}");
        center.takeOutOfService(device, caller.name(), requiredNote(body));
        return detail(id);
    }

    DeviceDetailView returnToPlan(String id, ApiToken caller) {
        AssetId device = known(id);
        if (center.returnToPlan(device, caller.name()).isEmpty()) {
            throw ApiProblem.conflict(id + " has no manual override to end: it runs as the plan says");
        }
        return detail(id);
    }

    private AssetId known(String id) {
        if (views.device(id).isEmpty()) {
            throw ApiProblem.notFound("no device '" + id + "' in this plant's fleet");
        }
        return AssetId.of(id);
    }

    private DeviceDetailView detail(String id) {
        return views.device(id).orElseThrow();
    }

    private static void object(JsonNode body, Set<String> fields, String example) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object such as " + example);
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("unknown field(s) " + unknown + ": expected " + String.join(", ", fields.stream().sorted().toList()));
        }
    }

    /** The note is required: an override says why, for the alarm and the next operator. */
    private static String requiredNote(JsonNode body) {
        JsonNode note = body.get("note");
        if (note == null || note.isNull() || !note.isTextual() || note.asText().isBlank()) {
            throw ApiProblem.badRequest("note: required, a string saying why (it goes into the override's alarm)");
        }
        String text = note.asText().strip();
        if (text.length() > MAX_NOTE_CHARS) {
            throw ApiProblem.badRequest("note: at most " + MAX_NOTE_CHARS + " characters");
        }
        return text;
    }
}
