package org.gridfleet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error the API answers, written in one place as RFC 9457 problem details ({@code application/problem+json}):
 * {@code type} {@code about:blank}, {@code title} the status's phrase, {@code status}, {@code detail} saying what was
 * wrong, {@code instance} the request's path, and extensions where a program needs figures. An unexpected failure is
 * logged with its trace and answered 500 without it.
 */
final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    static final String CONTENT_TYPE = "application/problem+json";

    private final ObjectMapper mapper;

    private Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static void register(RoutesConfig routes, ObjectMapper mapper) {
        Problems p = new Problems(mapper);
        routes.exception(ApiProblem.class, (e, ctx) -> p.write(ctx, e.status(), e.detail(), e.extensions()));
        routes.exception(HttpResponseException.class, (e, ctx) -> p.write(ctx, e.getStatus(), javalinDetail(e, ctx), Map.of()));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            p.write(ctx, 500, "the server failed unexpectedly; its log says why", Map.of());
        });
        routes.error(404, ctx -> {
            if (!CONTENT_TYPE.equals(ctx.res().getContentType())) {
                p.write(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path() + "; the API is described at /api/openapi.json", Map.of());
            }
        });
    }

    private static String javalinDetail(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path() + "; the API is described at /api/openapi.json";
            case 405 -> ctx.method() + " is not allowed on " + ctx.path() + "; the API is described at /api/openapi.json";
            default -> e.getMessage();
        };
    }

    private void write(Context ctx, int status, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.forStatus(status).getMessage());
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        extensions.forEach(body::putIfAbsent);
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"gridfleet\"");
        }
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }
}
