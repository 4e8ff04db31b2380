package org.gridfleet.model.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.Tolerance;
import org.gridfleet.model.asset.CostCurve.FuelBased;
import org.gridfleet.model.asset.CostCurve.PiecewiseLinear;
import org.gridfleet.model.asset.CostCurve.Point;
import org.gridfleet.model.asset.CostCurve.Quadratic;
import org.junit.jupiter.api.Test;

/**
 * Curves worked out by hand:
 *
 * <pre>
 *   quadratic   10 $/h + 0.1 $/kWh·P + 0.0001 $/kW²h·P²
 *   piecewise   (100 kW, 20 $/h) ── (300 kW, 50 $/h) ── (400 kW, 70 $/h)
 *   fuel-based  natural gas at 0.04 $/kWh, efficiency 30 % at 100 kW ── 40 % at 200 kW
 * </pre>
 */
class CostCurveTest {
    private static final double MONEY = Tolerance.MONEY;
    private static final double KWH = Tolerance.ENERGY_KWH;

    private static final Quadratic QUADRATIC = new Quadratic(10, 0.1, 0.0001);
    private static final PiecewiseLinear PIECEWISE = new PiecewiseLinear(List.of(new Point(100, 20), new Point(300, 50), new Point(400, 70)));
    private static final FuelBased GAS = new FuelBased("natural gas", 0.04, List.of(new Point(100, 0.30), new Point(200, 0.40)));

    @Test
    void quadraticCostIsNoLoadPlusLinearPlusSquareTerm() {
        // 10 + 0 + 0 = 10
        assertThat(QUADRATIC.costPerHour(0)).isCloseTo(10, within(MONEY));
        // 10 + 0.1·200 + 0.0001·200² = 10 + 20 + 4 = 34
        assertThat(QUADRATIC.costPerHour(200)).isCloseTo(34, within(MONEY));
        // 10 + 30 + 9 = 49
        assertThat(QUADRATIC.costPerHour(300)).isCloseTo(49, within(MONEY));
    }

    @Test
    void linearCurveIsQuadraticWithoutSquareTerm() {
        // 5 + 0.2·150 = 35
        assertThat(new Quadratic(5, 0.2, 0).costPerHour(150)).isCloseTo(35, within(MONEY));
    }

    @Test
    void quadraticDoesNotKnowItsFuel() {
        assertThat(QUADRATIC.fuelKwhPerHour(200)).isEmpty();
        assertThat(PIECEWISE.fuelKwhPerHour(200)).isEmpty();
    }

    @Test
    void nonFiniteQuadraticCoefficientsAreRejected() {
        assertThatThrownBy(() -> new Quadratic(Double.NaN, 0.1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quadratic(10, Double.POSITIVE_INFINITY, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quadratic(10, 0.1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void piecewiseLinearInterpolatesBetweenPoints() {
        // 200 kW is halfway from 100 to 300: 20 + 0.5·(50 − 20) = 35
        assertThat(PIECEWISE.costPerHour(200)).isCloseTo(35, within(MONEY));
        // 350 kW is halfway from 300 to 400: 50 + 0.5·(70 − 50) = 60
        assertThat(PIECEWISE.costPerHour(350)).isCloseTo(60, within(MONEY));
        // 150 kW is a quarter of the way: 20 + 0.25·30 = 27.5
        assertThat(PIECEWISE.costPerHour(150)).isCloseTo(27.5, within(MONEY));
    }

    @Test
    void piecewiseLinearHitsItsPointsExactly() {
        assertThat(PIECEWISE.costPerHour(100)).isCloseTo(20, within(MONEY));
        assertThat(PIECEWISE.costPerHour(300)).isCloseTo(50, within(MONEY));
        assertThat(PIECEWISE.costPerHour(400)).isCloseTo(70, within(MONEY));
    }

    @Test
    void piecewiseLinearHoldsEndValuesOutsideItsPoints() {
        assertThat(PIECEWISE.costPerHour(0)).isCloseTo(20, within(MONEY));
        assertThat(PIECEWISE.costPerHour(50)).isCloseTo(20, within(MONEY));
        assertThat(PIECEWISE.costPerHour(500)).isCloseTo(70, within(MONEY));
    }

    @Test
    void singlePointCurveIsConstant() {
        PiecewiseLinear flat = new PiecewiseLinear(List.of(new Point(100, 42)));

        assertThat(flat.costPerHour(0)).isEqualTo(42);
        assertThat(flat.costPerHour(100)).isEqualTo(42);
        assertThat(flat.costPerHour(1000)).isEqualTo(42);
    }

    @Test
    void piecewiseLinearCopiesItsPoints() {
        List<Point> points = new ArrayList<>(List.of(new Point(0, 10), new Point(100, 20)));
        PiecewiseLinear curve = new PiecewiseLinear(points);

        points.set(1, new Point(100, 999));

        assertThat(curve.costPerHour(100)).isEqualTo(20);
        assertThatThrownBy(() -> curve.points().add(new Point(200, 30))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void pointsThatDoNotRiseInPowerAreRejected() {
        assertThatThrownBy(() -> new PiecewiseLinear(List.of(new Point(100, 20), new Point(100, 30))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly rising").hasMessageContaining("100.0 then 100.0");
        assertThatThrownBy(() -> new PiecewiseLinear(List.of(new Point(200, 20), new Point(100, 30))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("200.0 then 100.0");
        assertThatThrownBy(() -> new FuelBased("diesel", 0.1, List.of(new Point(100, 0.3), new Point(50, 0.35))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("efficiency curve");
    }

    @Test
    void curveWithoutPointsIsRejected() {
        assertThatThrownBy(() -> new PiecewiseLinear(List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one point");
        assertThatThrownBy(() -> new FuelBased("diesel", 0.1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pointWithNegativePowerOrNonFiniteValueIsRejected() {
        assertThatThrownBy(() -> new Point(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Point(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Point(100, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fuelBasedCostIsPriceTimesPowerOverEfficiency() {
        // at 100 kW: 0.04 · 100 / 0.30 = 13.333…
        assertThat(GAS.costPerHour(100)).isCloseTo(0.04 * 100 / 0.30, within(MONEY)).isCloseTo(13.333333333, within(1e-6));
        // at 200 kW: 0.04 · 200 / 0.40 = 20
        assertThat(GAS.costPerHour(200)).isCloseTo(20, within(MONEY));
    }

    @Test
    void fuelBasedInterpolatesEfficiencyBetweenPoints() {
        // at 150 kW the efficiency is halfway, 0.35: 150 / 0.35 = 428.571 kWh/h, · 0.04 = 17.142857 $/h
        assertThat(GAS.fuelKwhPerHour(150)).hasValueCloseTo(428.571428571, within(1e-6));
        assertThat(GAS.costPerHour(150)).isCloseTo(17.142857142, within(1e-6));
    }

    @Test
    void fuelBasedHoldsEndEfficienciesOutsideItsPoints() {
        // 50 kW at 30 %: 166.667 kWh/h; 300 kW at 40 %: 750 kWh/h
        assertThat(GAS.fuelKwhPerHour(50)).hasValueCloseTo(50 / 0.30, within(KWH));
        assertThat(GAS.fuelKwhPerHour(300)).hasValueCloseTo(750.0, within(KWH));
    }

    @Test
    void fuelBurntAtZeroOutputIsZero() {
        assertThat(GAS.fuelKwhPerHour(0)).hasValue(0.0);
        assertThat(GAS.costPerHour(0)).isZero();
    }

    @Test
    void freeFuelCostsNothingButStillBurns() {
        FuelBased biogas = new FuelBased("biogas", 0, List.of(new Point(100, 0.25)));

        assertThat(biogas.costPerHour(100)).isZero();
        // 100 / 0.25 = 400
        assertThat(biogas.fuelKwhPerHour(100)).hasValueCloseTo(400.0, within(KWH));
    }

    @Test
    void efficiencyOfExactlyOneIsAccepted() {
        FuelBased ideal = new FuelBased("hydrogen", 0.1, List.of(new Point(0, 1.0)));

        assertThat(ideal.fuelKwhPerHour(80)).hasValueCloseTo(80.0, within(KWH));
    }

    @Test
    void efficiencyOutsideZeroToOneIsRejected() {
        for (double efficiency : new double[] {0, -0.1, 1.01, 30}) {
            assertThatThrownBy(() -> new FuelBased("diesel", 0.1, List.of(new Point(100, 0.3), new Point(200, efficiency))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("efficiency").hasMessageContaining("200.0 kW");
        }
    }

    @Test
    void negativeOrNonFiniteFuelPriceIsRejected() {
        List<Point> efficiency = List.of(new Point(100, 0.3));
        assertThatThrownBy(() -> new FuelBased("diesel", -0.01, efficiency)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fuelPricePerKwh");
        assertThatThrownBy(() -> new FuelBased("diesel", Double.NaN, efficiency)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FuelBased("diesel", Double.POSITIVE_INFINITY, efficiency)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FuelBased(null, 0.1, efficiency)).isInstanceOf(NullPointerException.class);
    }
}
