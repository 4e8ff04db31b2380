package org.gridfleet.server;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Access control before every matched route: the route's roles say who may call it (none: anyone); the request's
 * bearer token says who calls. Tokens are compared by their SHA-256 digests in constant time, every configured token
 * each time, so neither a token's content nor its position leaks through timing; secrets are never logged or echoed.
 */
final class Access {
    /** The context attribute holding the caller's token. */
    static final String TOKEN = "gridfleet.token";
    /** Browsers cannot set headers on an EventSource: the events stream also takes {@code ?access_token=}. */
    static final String QUERY_TOKEN = "access_token";

    private record Known(ApiToken token, byte[] digest) {}

    private final List<Known> tokens;

    Access(List<ApiToken> tokens) {
        this.tokens = tokens.stream().map(t -> new Known(t, digest(t.secret()))).toList();
    }

    void check(Context ctx, boolean queryTokenAllowed) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        Role needed = roles.stream().map(Role.class::cast).min(Enum::compareTo).orElseThrow();
        String presented = presented(ctx, queryTokenAllowed).orElseThrow(() -> ApiProblem.unauthorized(
                "this needs a bearer token with role " + needed.label() + " or higher: send Authorization: Bearer TOKEN"));
        ApiToken token = find(presented).orElseThrow(() -> ApiProblem.unauthorized("the bearer token is not one this server knows"));
        if (!token.role().allows(needed)) {
            throw ApiProblem.forbidden("this needs role " + needed.label() + " or higher; token '" + token.name() + "' has role " + token.role().label());
        }
        ctx.attribute(TOKEN, token);
    }

    /** The caller's token; only on routes with roles, after {@link #check}. */
    static ApiToken caller(Context ctx) {
        return requireNonNull(ctx.attribute(TOKEN), "no token checked for this route");
    }

    private static Optional<String> presented(Context ctx, boolean queryTokenAllowed) {
        String header = ctx.header("Authorization");
        if (header != null) {
            String[] parts = header.strip().split("\\s+", 2);
            if (parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") && !parts[1].isBlank()) {
                return Optional.of(parts[1].strip());
            }
            throw ApiProblem.unauthorized("the Authorization header must be 'Bearer TOKEN'");
        }
        if (queryTokenAllowed) {
            return Optional.ofNullable(ctx.queryParam(QUERY_TOKEN)).filter(s -> !s.isBlank());
        }
        return Optional.empty();
    }

    private Optional<ApiToken> find(String presented) {
        byte[] digest = digest(presented);
        ApiToken match = null;
        for (Known k : tokens) {
            if (MessageDigest.isEqual(k.digest(), digest) && match == null) { // no early exit: every token costs the same
                match = k.token();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
