package org.gridfleet.model.asset;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What it costs per hour to run a dispatchable generator at a given output, in the fleet's currency. Valid for
 * outputs between the generator's minimum stable power and its rating; a unit that is off costs nothing.
 */
public sealed interface CostCurve {

    /** Operating cost per hour at {@code powerKw}, for a committed unit. */
    double costPerHour(double powerKw);

    /** Fuel energy burnt per hour at {@code powerKw} in kWh (LHV), when the curve knows it. */
    default OptionalDouble fuelKwhPerHour(double powerKw) {
        return OptionalDouble.empty();
    }

    /**
     * {@code a + b·P + c·P²} per hour.
     *
     * @param noLoadCostPerHour a: cost per hour of being on, in currency/h
     * @param costPerKwh        b: in currency/kWh
     * @param costPerKw2h       c: in currency/(kW²·h); 0 for a linear curve
     */
    record Quadratic(double noLoadCostPerHour, double costPerKwh, double costPerKw2h) implements CostCurve {
        public Quadratic {
            if (!Double.isFinite(noLoadCostPerHour) || !Double.isFinite(costPerKwh) || !Double.isFinite(costPerKw2h)) {
                throw new IllegalArgumentException("quadratic cost coefficients must be finite");
            }
        }

        @Override
        public double costPerHour(double powerKw) {
            return noLoadCostPerHour + costPerKwh * powerKw + costPerKw2h * powerKw * powerKw;
        }
    }

    /** Cost per hour given at points of output, linear between them; points sorted by rising power. */
    record PiecewiseLinear(List<Point> points) implements CostCurve {
        public PiecewiseLinear {
            points = List.copyOf(points);
            requireRising(points, "cost curve");
        }

        @Override
        public double costPerHour(double powerKw) {
            return interpolate(points, powerKw);
        }
    }

    /**
     * Fuel bought at a price, burnt at an electrical efficiency that depends on output.
     *
     * @param fuel            what is burnt, for reports (natural gas, diesel, hydrogen, ...)
     * @param fuelPricePerKwh price of fuel energy (LHV) per kWh, in the fleet's currency
     * @param efficiency      points (powerKw, electrical efficiency 0..1), sorted by rising power
     */
    record FuelBased(String fuel, double fuelPricePerKwh, List<Point> efficiency) implements CostCurve {
        /** Btu in a kWh: a heat rate in Btu/kWh is {@code BTU_PER_KWH / efficiency}. */
        public static final double BTU_PER_KWH = 3412.14;

        /** From heat-rate points (powerKw, Btu of fuel per kWh produced). */
        public static FuelBased fromHeatRates(String fuel, double fuelPricePerKwh, List<Point> heatRateBtuPerKwh) {
            return new FuelBased(fuel, fuelPricePerKwh, heatRateBtuPerKwh.stream().map(p -> new Point(p.powerKw(), BTU_PER_KWH / p.value())).toList());
        }

        public FuelBased {
            requireNonNull(fuel, "fuel");
            efficiency = List.copyOf(efficiency);
            requireRising(efficiency, "efficiency curve");
            if (!(fuelPricePerKwh >= 0) || !Double.isFinite(fuelPricePerKwh)) {
                throw new IllegalArgumentException("fuelPricePerKwh must be >= 0: " + fuelPricePerKwh);
            }
            for (Point p : efficiency) {
                if (!(p.value() > 0 && p.value() <= 1)) {
                    throw new IllegalArgumentException("efficiency must be within (0, 1]: " + p.value() + " at " + p.powerKw() + " kW");
                }
            }
        }

        @Override
        public double costPerHour(double powerKw) {
            return fuelPricePerKwh * fuelKwhPerHour(powerKw).orElseThrow();
        }

        @Override
        public OptionalDouble fuelKwhPerHour(double powerKw) {
            return OptionalDouble.of(powerKw / interpolate(efficiency, powerKw));
        }
    }

    /** A point of a curve over output power: the value at {@code powerKw}. */
    record Point(double powerKw, double value) {
        public Point {
            if (!Double.isFinite(powerKw) || !Double.isFinite(value) || powerKw < 0) {
                throw new IllegalArgumentException("curve point must be finite with powerKw >= 0: (" + powerKw + ", " + value + ")");
            }
        }
    }

    private static void requireRising(List<Point> points, String what) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one point");
        }
        for (int i = 1; i < points.size(); i++) {
            if (!(points.get(i).powerKw() > points.get(i - 1).powerKw())) {
                throw new IllegalArgumentException(what + " points must have strictly rising powerKw: "
                        + points.get(i - 1).powerKw() + " then " + points.get(i).powerKw());
            }
        }
    }

    /** Linear interpolation between points, holding the end values outside them. */
    private static double interpolate(List<Point> points, double powerKw) {
        Point first = points.getFirst();
        if (powerKw <= first.powerKw()) {
            return first.value();
        }
        for (int i = 1; i < points.size(); i++) {
            Point right = points.get(i);
            if (powerKw <= right.powerKw()) {
                Point left = points.get(i - 1);
                double share = (powerKw - left.powerKw()) / (right.powerKw() - left.powerKw());
                return left.value() + share * (right.value() - left.value());
            }
        }
        return points.getLast().value();
    }
}
