package org.gridfleet.plan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.plan.network.Feeders.A;
import static org.gridfleet.plan.network.Feeders.S;

import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.BusId;
import org.gridfleet.model.Profile;
import org.junit.jupiter.api.Test;

/**
 * Limits judged on a linear solution with AC corrections. {@link Feeders#twoBus} with 2 + j2 Ω (0.02 + j0.02 pu) and
 * 25 A (√3·10·25 = 433.013 kVA); A draws 420 kW: L1 carries 420 kW, v_A = 1 − 2·0.02·0.42 = 0.9832, V_A = 0.991564,
 * loading 420 / 433.013 = 0.96995 of the rating at the slack's 1 pu.
 */
class NetworkConstraintsTest {
    private static final double RATING_KVA = Math.sqrt(3) * 10 * 25;

    private final RadialFeeder feeder = RadialFeeder.of(Feeders.twoBus(2, 2, 25));
    private final FlowSolution flow = new LinDistFlow(feeder).solve(BusInjections.builder(feeder, 1).add(A, 0, -420, 0).build());

    @Test
    void linearSolutionWithinTheLimitsBreaksNone() {
        assertThat(flow.voltagePu(A, 0)).isCloseTo(0.991564, within(1e-6));
        assertThat(NetworkConstraints.DEFAULT.violations(flow)).isEmpty();
    }

    /**
     * AC found A 0.05 pu lower (0.941564 < 0.95), 20 kW more in L1 (440 / 433.013 = 101.6 %), and, in a second case, the
     * slack 0.05 pu low, so the same 420 kW is a current of 420 / (433.013·0.95) = 102.1 % of the rating.
     */
    @Test
    void correctionsAreAddedBeforeTheLimitsAndLoadingIsACurrent() {
        AcCorrections ac = AcCorrections.builder(1).voltageOffset(A, 0, -0.05).branchOffset("L1", 0, 20, 0).build();

        var broken = NetworkConstraints.DEFAULT.withCorrections(ac).violations(flow);

        assertThat(broken).extracting(NetworkViolation::kind)
                .containsExactly(NetworkViolation.Kind.UNDERVOLTAGE, NetworkViolation.Kind.OVERLOAD);
        assertThat(broken.get(0).value()).isCloseTo(0.941564, within(1e-6));
        assertThat(broken.get(0).describe()).isEqualTo("interval 0: bus A at 0.9416 pu, below 0.950 pu");
        assertThat(broken.get(1).value()).isCloseTo(440 / RATING_KVA, within(1e-12));

        var lowSlack = NetworkConstraints.DEFAULT.withCorrections(AcCorrections.builder(1).voltageOffset(S, 0, -0.05).build()).violations(flow);
        assertThat(lowSlack).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(NetworkViolation.Kind.OVERLOAD);
            assertThat(v.element()).isEqualTo("L1");
            assertThat(v.value()).isCloseTo(420 / (RATING_KVA * 0.95), within(1e-12));
        });
    }

    @Test
    void correctionsThatDoNotFitTheFeederAreRefused() {
        AcCorrections unknownBus = new AcCorrections(Optional.empty(), Map.of(BusId.of("Z"), Profile.of(0.01)), Map.of(), Map.of());
        AcCorrections tooShort = AcCorrections.builder(2).losses(1, 5).build();

        assertThatThrownBy(() -> NetworkConstraints.DEFAULT.withCorrections(unknownBus).violations(flow))
                .hasMessageContaining("voltageOffsetPu names bus Z, which the network does not have");
        assertThatThrownBy(() -> NetworkConstraints.DEFAULT.withCorrections(tooShort).violations(flow))
                .hasMessageContaining("lossesKw must have one value per interval (1)");
        assertThatThrownBy(() -> AcCorrections.builder(1).losses(0, -1).build()).hasMessageContaining("lossesKw must be >= 0");
        assertThatThrownBy(() -> NetworkConstraints.DEFAULT.withPolygonSides(10)).hasMessageContaining("multiple of 4");
    }
}
