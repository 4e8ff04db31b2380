package org.gridfleet.plan.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.model.GeoLocation;
import org.junit.jupiter.api.Test;

class ClearSkyTest {
    private static final GeoLocation MADRID = new GeoLocation(40.4, -3.7);

    /** Haurwitz with the sun overhead: 1098 · exp(−0.059) = 1035.1 W/m². */
    @Test
    void haurwitzWithTheSunOverhead() {
        assertThat(ClearSky.ghiWPerM2(1)).isCloseTo(1035.1, within(0.1));
        assertThat(ClearSky.ghiWPerM2(-0.2)).isZero();
    }

    /** At the June solstice the noon sun stands 40.4° − 23.45° = 16.95° from the zenith: cos = 0.9566. */
    @Test
    void theHighestSunOfTheSolsticeMatchesLatitudeMinusDeclination() {
        double highest = -1;
        Instant day = Instant.parse("2025-06-21T00:00:00Z");
        for (int minute = 0; minute < 1440; minute++) {
            highest = Math.max(highest, ClearSky.cosZenith(MADRID, day.plusSeconds(60L * minute)));
        }

        assertThat(highest).isCloseTo(Math.cos(Math.toRadians(16.95)), within(0.002));
    }

    /** Solar noon at 3.7° W falls about 15 minutes after 12:00 UTC; midnight is dark. */
    @Test
    void solarNoonFollowsLongitudeAndNightIsDark() {
        Instant noonUtc = Instant.parse("2025-03-21T12:15:00Z");

        assertThat(ClearSky.cosZenith(MADRID, noonUtc)).isGreaterThan(ClearSky.cosZenith(MADRID, noonUtc.minusSeconds(3600)));
        assertThat(ClearSky.cosZenith(MADRID, noonUtc)).isGreaterThan(ClearSky.cosZenith(MADRID, noonUtc.plusSeconds(3600)));
        assertThat(ClearSky.meanGhiWPerM2(MADRID, Instant.parse("2025-03-21T00:00:00Z"), Duration.ofHours(1))).isZero();
    }
}
