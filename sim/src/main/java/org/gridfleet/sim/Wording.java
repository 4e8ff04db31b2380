package org.gridfleet.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers with their units in ack reasons, as a person reads them: {@code 312.5 kW}, {@code 1.5 h}, {@code soc 0.35}. */
final class Wording {
    private Wording() {}

    static String kw(double kw) {
        return number(kw, 3) + " kW";
    }

    static String kvar(double kvar) {
        return number(kvar, 3) + " kvar";
    }

    static String hours(double hours) {
        return number(hours, 3) + " h";
    }

    static String minutes(double minutes) {
        return number(minutes, 3) + " min";
    }

    static String soc(double fraction) {
        return number(fraction, 4);
    }

    static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }
}
