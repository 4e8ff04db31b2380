package org.gridfleet.plan.milp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.testkit.Assets;
import org.junit.jupiter.api.Test;

/** The piecewise-linear costs the MILP sees, against the curves computed by hand. */
class CostSegmentsTest {
    @Test
    void linearCurveIsOneExactSegment() {
        CostSegments segments = CostSegments.of(unit(new CostCurve.Quadratic(20, 0.10, 0)), 4);

        // F(150) = 20 + 15 = 35 $/h, then 0.10 $/kWh up to 600 kW
        assertThat(segments.segments()).isEqualTo(1);
        assertThat(segments.costAtMinPerHour()).isCloseTo(35, within(1e-9));
        assertThat(segments.slopePerKwh()[0]).isCloseTo(0.10, within(1e-12));
        assertThat(segments.costPerHour(400)).isCloseTo(60, within(1e-9));
    }

    @Test
    void quadraticCurveIsSecantsThroughEvenlySpacedPoints() {
        // 0.001 P² over [150, 600] in 3 pieces of 150 kW: exact at 150, 300, 450, 600; rising slopes 0.45, 0.75, 1.05
        CostSegments segments = CostSegments.of(unit(new CostCurve.Quadratic(0, 0, 0.001)), 3);

        assertThat(segments.slopePerKwh()).containsExactly(new double[] {0.45, 0.75, 1.05}, within(1e-12));
        assertThat(segments.costPerHour(300)).isCloseTo(90, within(1e-9));
        // between breakpoints the secant lies above the parabola: at 375 kW 112.5 + 0.75·75 = 146.25 > 140.625
        assertThat(segments.costPerHour(375)).isCloseTo(146.25, within(1e-9));
    }

    @Test
    void nonConvexCurveIsReplacedByItsLowerConvexHull() {
        // (150, 30) (300, 80) (450, 90) (600, 150): the point at 300 lies above the chord from 150 to 450
        CostSegments segments = CostSegments.of(unit(Assets.piecewise(150, 30, 300, 80, 450, 90, 600, 150)), 4);

        assertThat(segments.segments()).isEqualTo(2);
        assertThat(segments.costPerHour(300)).isCloseTo(60, within(1e-9));
        assertThat(segments.costPerHour(600)).isCloseTo(150, within(1e-9));
    }

    private static Generator unit(CostCurve cost) {
        return Assets.generator("G", DeviceType.RECIPROCATING_ENGINE, 600, 150, cost);
    }
}
