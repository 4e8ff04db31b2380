package org.gridfleet.plan.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.gridfleet.model.GeoLocation;

/**
 * Global horizontal irradiance under a cloudless sky, from the sun's position (declination after Cooper, equation of
 * time after Spencer, solar time from longitude) and the Haurwitz clear-sky model,
 * {@code GHI = 1098 · cos z · exp(−0.059 / cos z)} W/m² for a zenith angle {@code z} above the horizon. It is both the
 * history generator's sky and the forecasters' most useful feature: it says when the sun is up and how high.
 */
public final class ClearSky {
    /** Points per interval at which the irradiance is averaged, so that sunrise inside an hour counts in part. */
    private static final int SAMPLES_PER_INTERVAL = 6;

    private ClearSky() {
    }

    /** Cosine of the solar zenith angle at {@code time}; negative when the sun is below the horizon. */
    public static double cosZenith(GeoLocation site, Instant time) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        int dayOfYear = utc.getDayOfYear();
        double declination = Math.toRadians(23.45) * Math.sin(2 * Math.PI * (284 + dayOfYear) / 365.0);
        double b = 2 * Math.PI * (dayOfYear - 81) / 364.0;
        double equationOfTimeMinutes = 9.87 * Math.sin(2 * b) - 7.53 * Math.cos(b) - 1.5 * Math.sin(b);
        double utcHours = utc.getHour() + utc.getMinute() / 60.0 + utc.getSecond() / 3600.0;
        double solarHours = utcHours + site.longitudeDeg() / 15 + equationOfTimeMinutes / 60;
        double hourAngle = Math.toRadians(15 * (solarHours - 12));
        double latitude = Math.toRadians(site.latitudeDeg());
        return Math.sin(latitude) * Math.sin(declination) + Math.cos(latitude) * Math.cos(declination) * Math.cos(hourAngle);
    }

    /** Haurwitz clear-sky global horizontal irradiance in W/m² at the given cosine of the zenith angle. */
    public static double ghiWPerM2(double cosZenith) {
        return cosZenith <= 0 ? 0 : 1098 * cosZenith * Math.exp(-0.059 / cosZenith);
    }

    /** Mean clear-sky irradiance in W/m² over the interval {@code [start, start + step)}. */
    public static double meanGhiWPerM2(GeoLocation site, Instant start, Duration step) {
        long stepSeconds = step.toSeconds();
        double sum = 0;
        for (int i = 0; i < SAMPLES_PER_INTERVAL; i++) {
            long offset = Math.round((i + 0.5) * stepSeconds / SAMPLES_PER_INTERVAL);
            sum += ghiWPerM2(cosZenith(site, start.plusSeconds(offset)));
        }
        return sum / SAMPLES_PER_INTERVAL;
    }
}
