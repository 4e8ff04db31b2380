package org.gridfleet.synth;

import static org.gridfleet.synth.DeviceCatalog.uniform;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Sun and wind over the campus: a clear-sky photovoltaic output with passing clouds, and a wind speed that
 * wanders around its mean, turned into power by a typical turbine curve.
 */
final class Weather {
    private static final double LATITUDE_RAD = Math.toRadians(FeederLayout.CENTRE.latitudeDeg());
    private static final double LONGITUDE_DEG = FeederLayout.CENTRE.longitudeDeg();
    /** Share of plane-of-array irradiance (per 1000 W/m²) that reaches the grid: inverter, wiring, soiling. */
    private static final double PV_SYSTEM_FACTOR = 0.86;
    static final double CUT_IN_MS = 3;
    static final double RATED_MS = 12;
    static final double CUT_OUT_MS = 25;

    private Weather() {}

    /**
     * Output per unit of rating of a south-facing array tilted at the latitude, under a clear sky, at the
     * campus centre at {@code epochSeconds}: Cooper's declination, the equation of time, Kasten–Young air mass
     * and Meinel's beam transmittance {@code 1353·0.7^(AM^0.678)} W/m², plus a tenth of that as diffuse.
     */
    static double clearSkyPvPerUnit(double epochSeconds) {
        double days = epochSeconds / 86_400.0;
        double dayOfYear = LocalDate.ofEpochDay((long) Math.floor(days)).getDayOfYear();
        double utcHours = (days - Math.floor(days)) * 24;
        double b = 2 * Math.PI * (dayOfYear - 81) / 364;
        double equationOfTimeMinutes = 9.87 * StrictMath.sin(2 * b) - 7.53 * StrictMath.cos(b) - 1.5 * StrictMath.sin(b);
        double solarHours = utcHours + LONGITUDE_DEG / 15 + equationOfTimeMinutes / 60;
        double hourAngle = Math.toRadians(15 * (solarHours - 12));
        double declination = Math.toRadians(23.45) * StrictMath.sin(2 * Math.PI * (284 + dayOfYear) / 365);
        double sinElevation = StrictMath.sin(LATITUDE_RAD) * StrictMath.sin(declination)
                + StrictMath.cos(LATITUDE_RAD) * StrictMath.cos(declination) * StrictMath.cos(hourAngle);
        if (sinElevation <= 0) {
            return 0;
        }
        double elevationDeg = Math.toDegrees(StrictMath.asin(sinElevation));
        double airMass = 1 / (sinElevation + 0.50572 * StrictMath.pow(6.07995 + elevationDeg, -1.6364));
        double beamWPerM2 = 1353 * StrictMath.pow(0.7, StrictMath.pow(airMass, 0.678));
        double cosIncidence = Math.max(0, StrictMath.cos(declination) * StrictMath.cos(hourAngle)); // tilt = latitude
        double planeOfArray = beamWPerM2 * cosIncidence + 0.1 * beamWPerM2 * (1 + StrictMath.cos(LATITUDE_RAD)) / 2;
        return Math.min(1, PV_SYSTEM_FACTOR * planeOfArray / 1000);
    }

    /**
     * Output per unit of rating at hub-height wind speed {@code speedMs}: nothing below cut-in (3 m/s), a cubic
     * rise to rated power at 12 m/s, rated power up to cut-out at 25 m/s, nothing above.
     */
    static double windPowerPerUnit(double speedMs) {
        if (speedMs < CUT_IN_MS || speedMs >= CUT_OUT_MS) {
            return 0;
        }
        if (speedMs >= RATED_MS) {
            return 1;
        }
        double cube = speedMs * speedMs * speedMs;
        return (cube - CUT_IN_MS * CUT_IN_MS * CUT_IN_MS) / (RATED_MS * RATED_MS * RATED_MS - CUT_IN_MS * CUT_IN_MS * CUT_IN_MS);
    }

    /**
     * Regional hub-height wind speed per interval, m/s: a first-order autoregressive process with a 6-hour
     * memory and a 2.5 m/s spread around a mean of 5.5–8 m/s that is 10 % higher in the small hours.
     */
    static double[] regionalWindSpeedMs(HorizonClock clock, SplittableRandom random) {
        double mean = uniform(random, 5.5, 8.0);
        double spread = 2.5;
        double memory = StrictMath.exp(-clock.stepHours() / 6.0);
        double innovation = spread * Math.sqrt(1 - memory * memory);
        double[] speed = new double[clock.intervals()];
        double deviation = spread * random.nextGaussian();
        for (int k = 0; k < speed.length; k++) {
            if (k > 0) {
                deviation = memory * deviation + innovation * random.nextGaussian();
            }
            double hour = clock.localHour[k * clock.perInterval + clock.perInterval / 2];
            double diurnalMean = mean * (1 + 0.1 * StrictMath.cos(2 * Math.PI * (hour - 3) / 24));
            speed[k] = Math.max(0, diurnalMean + deviation);
        }
        return speed;
    }

    /** A passing cloud: a Gaussian dip of the sun at {@code centreHours} after the horizon start. */
    record CloudDip(double centreHours, double widthHours, double depth) {
        double factor(double hoursFromStart) {
            double z = (hoursFromStart - centreHours) / widthHours;
            return z * z > 50 ? 1 : 1 - depth * StrictMath.exp(-0.5 * z * z);
        }
    }

    /** Two to five passing clouds a day, 10–60 minutes wide, each taking away 20–70 % of the sun. */
    static CloudDip[] cloudDips(HorizonClock clock, SplittableRandom random) {
        double hours = clock.intervals() * clock.stepHours();
        int count = (int) Math.round(uniform(random, 2, 5) * hours / 24);
        CloudDip[] dips = new CloudDip[count];
        for (int i = 0; i < count; i++) {
            dips[i] = new CloudDip(uniform(random, 0, hours), uniform(random, 10, 60) / 60 / 2, uniform(random, 0.2, 0.7));
        }
        return dips;
    }
}
