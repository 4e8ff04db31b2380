package org.gridfleet.server;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A bearer token the server accepts. {@code name} says whose it is (it is what the API records as who acknowledged or
 * chose); {@code secret} is what the client sends. {@link #toString} never shows the secret.
 */
public record ApiToken(String name, Role role, String secret) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Short secrets can be guessed: at least 16 characters. */
    public static final int MIN_SECRET_CHARS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ApiToken {
        requireNonNull(name, "name");
        requireNonNull(role, "role");
        requireNonNull(secret, "secret");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a token's name is 1 to 64 letters, digits, '.', '_' or '-': '" + name + "'");
        }
        if (secret.length() < MIN_SECRET_CHARS || secret.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("the secret of token '" + name + "' must be at least " + MIN_SECRET_CHARS
                    + " printable ASCII characters without spaces");
        }
    }

    /** A token with a fresh random secret (32 bytes, base64url). */
    public static ApiToken generate(String name, Role role) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiToken(name, role, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return "ApiToken[" + name + ", " + role.label() + "]";
    }
}
