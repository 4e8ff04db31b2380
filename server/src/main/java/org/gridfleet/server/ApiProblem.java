package org.gridfleet.server;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer other than success, as RFC 9457 problem details: thrown by a handler, written by {@link Problems} in one
 * place. {@code detail} says what was wrong and, where it helps, what to do; {@code extensions} carry the figures a
 * program needs (the candidates' names for an unknown plan, ...).
 */
final class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final transient Map<String, Object> extensions;

    ApiProblem(int status, String title, String detail, Map<String, Object> extensions) {
        super(requireNonNull(detail, "detail"), null, false, false);
        this.status = status;
        this.title = requireNonNull(title, "title");
        this.extensions = new LinkedHashMap<>(extensions);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String detail() {
        return getMessage();
    }

    Map<String, Object> extensions() {
        return extensions;
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad request", detail, Map.of());
    }

    static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", detail, Map.of());
    }

    static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail, Map.of());
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail, Map.of());
    }

    static ApiProblem notFound(String detail, Map<String, Object> extensions) {
        return new ApiProblem(404, "Not found", detail, extensions);
    }

    static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, Map.of());
    }

    static ApiProblem unprocessable(String detail, Map<String, Object> extensions) {
        return new ApiProblem(422, "Unprocessable content", detail, extensions);
    }

    static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "Service unavailable", detail, Map.of());
    }
}
