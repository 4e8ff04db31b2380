package org.gridfleet.model;

import java.util.regex.Pattern;

/** The one rule every identifier follows, so ids can stand in CSV headers, URLs and MQTT topics unescaped. */
public final class Ids {
    /** Letters, digits, dot, underscore and dash; starts with a letter or digit; at most 64 characters. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Ids() {}

    /** True when {@code text} is a well-formed identifier. */
    public static boolean isValid(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }

    static String require(String text, String what) {
        if (!isValid(text)) {
            throw new IllegalArgumentException(what + " must match " + PATTERN.pattern() + ": '" + text + "'");
        }
        return text;
    }
}
