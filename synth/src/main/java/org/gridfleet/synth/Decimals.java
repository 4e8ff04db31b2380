package org.gridfleet.synth;

import java.math.BigDecimal;
import java.math.MathContext;

/** Rounding to a number of decimals and plain (never scientific) decimal text, for readable fleet files. */
final class Decimals {
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

    private Decimals() {}

    /** {@code value} rounded half-up to {@code places} decimals (0..12); never negative zero. */
    static double round(double value, int places) {
        double scale = POW10[places];
        double rounded = Math.round(value * scale) / scale;
        return rounded == 0 ? 0.0 : rounded;
    }

    /** {@code value} rounded to {@code digits} significant digits; never negative zero. */
    static double roundSignificant(double value, int digits) {
        if (value == 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(value).round(new MathContext(digits)).doubleValue();
    }

    /** The shortest decimal text that reads back as {@code value}, without exponent or trailing zeros. */
    static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        String text = Double.toString(value);
        if (text.indexOf('E') >= 0) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** {@code value} rounded to {@code places} decimals, as plain text. */
    static String plain(double value, int places) {
        return plain(round(value, places));
    }
}
