package org.gridfleet.plan.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.testkit.Fleets;
import org.gridfleet.testkit.RandomProblems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Agent plans for seeded random problems and the testkit's named fleets, judged by the independent {@link PlanChecker}. */
class AgentPropertyTest {
    private static final int SEEDS = 60;

    private final AgentPlanGenerator generator = new AgentPlanGenerator();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, SEEDS);
    }

    static PlanningProblem[] namedFleets() {
        return new PlanningProblem[] {Fleets.twoGeneratorsOneBattery(), Fleets.islandedWithPvSurplus(), Fleets.maintenanceOutage(),
                Fleets.undersizedFleet(), Fleets.exportingPvPlant(), Fleets.everyDeviceType()};
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void checkerFindsNoHardViolation(long seed) {
        PlanningProblem problem = RandomProblems.problem(seed);
        DispatchPlan plan = generator.generate(problem).getFirst();

        assertThat(new PlanChecker().hardViolations(plan, problem)).isEmpty();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("namedFleets")
    void namedFleetsPassTheChecker(PlanningProblem problem) {
        DispatchPlan plan = generator.generate(problem).getFirst();

        assertThat(new PlanChecker().hardViolations(plan, problem)).isEmpty();
        assertThat(plan.generator()).isEqualTo(AgentPlanGenerator.NAME);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameProblemGivesTheSamePlan(long seed) {
        if (seed % 6 == 0) {
            assertThat(generator.negotiate(RandomProblems.problem(seed))).isEqualTo(generator.negotiate(RandomProblems.problem(seed)));
        }
    }
}
