package org.gridfleet.model;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;

/**
 * An immutable value per interval of a {@link TimeGrid}: power in kW, a price, a fraction. The unit is in the
 * name of the field that holds it. Values are finite.
 */
public final class Profile {
    private final double[] values;

    private Profile(double[] values) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("profile value at interval " + k + " is not finite: " + values[k]);
            }
            values[k] += 0.0; // -0.0 becomes 0.0, so equal values compare equal
        }
        this.values = values;
    }

    public static Profile of(double... values) {
        return new Profile(values.clone());
    }

    public static Profile constant(int size, double value) {
        double[] values = new double[size];
        Arrays.fill(values, value);
        return new Profile(values);
    }

    public static Profile zeros(int size) {
        return new Profile(new double[size]);
    }

    public int size() {
        return values.length;
    }

    public double get(int interval) {
        return values[interval];
    }

    public double[] toArray() {
        return values.clone();
    }

    public DoubleStream stream() {
        return Arrays.stream(values);
    }

    public double sum() {
        return stream().sum();
    }

    public double max() {
        return stream().max().orElse(0);
    }

    public double min() {
        return stream().min().orElse(0);
    }

    public Profile plus(Profile other) {
        requireSameSize(other);
        double[] result = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            result[k] = values[k] + other.values[k];
        }
        return new Profile(result);
    }

    public Profile map(DoubleUnaryOperator operator) {
        double[] result = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            result[k] = operator.applyAsDouble(values[k]);
        }
        return new Profile(result);
    }

    private void requireSameSize(Profile other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("profiles differ in size: " + values.length + " vs " + other.values.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Profile" + Arrays.toString(values);
    }
}
