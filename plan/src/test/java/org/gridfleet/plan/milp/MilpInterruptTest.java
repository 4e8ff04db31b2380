package org.gridfleet.plan.milp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.testkit.RandomProblems;
import org.junit.jupiter.api.Test;

/**
 * {@link MilpPlanGenerator#interrupt()} stops a solve whenever it comes: before the model is built, or while SCIP
 * searches. The solve's time limit is ten minutes, so a plan back within a minute can only come from the interrupt.
 * (The narrow window while OR-Tools loads the model into SCIP, where one interrupt can be lost and the generator
 * repeats it, is not reliably hit here: on these sizes loading takes milliseconds.)
 */
class MilpInterruptTest {
    private static final MilpOptions TEN_MINUTES = MilpOptions.DEFAULT.withTimeLimit(Duration.ofMinutes(10)).withRelativeGap(0);
    /** Far longer than it takes to build, load and stop this model on two loaded cores. */
    private static final long PATIENCE_SECONDS = 60;

    @Test
    void interruptDuringTheSolveReturnsTheBestPlanSoFar() throws Exception {
        for (long delayMs : new long[] {0, 20, 150, 1000}) {
            PlanningProblem problem = RandomProblems.problem(7, 30, 96);
            MilpPlanGenerator milp = new MilpPlanGenerator(TEN_MINUTES);

            CompletableFuture<List<DispatchPlan>> plans = CompletableFuture.supplyAsync(() -> milp.generate(problem));
            Thread.sleep(delayMs);
            milp.interrupt();
            DispatchPlan plan = plans.get(PATIENCE_SECONDS, TimeUnit.SECONDS).getFirst();

            assertThat(plan.generator()).as("interrupted after %d ms", delayMs).isIn(MilpPlanGenerator.NAME, MeritOrderPlanGenerator.NAME);
            if (plan.generator().equals(MilpPlanGenerator.NAME)) {
                assertThat(plan.status()).isNotInstanceOf(PlanStatus.Optimal.class);
            }
            assertThat(new PlanChecker().check(plan, problem)).noneMatch(Violation::hard);
        }
    }

    @Test
    void anInterruptedGeneratorStaysInterrupted() throws Exception {
        MilpPlanGenerator milp = new MilpPlanGenerator(TEN_MINUTES);
        milp.interrupt();

        DispatchPlan plan = CompletableFuture.supplyAsync(() -> milp.generate(RandomProblems.problem(7, 30, 96)))
                .get(PATIENCE_SECONDS, TimeUnit.SECONDS).getFirst();

        assertThat(plan.generator()).isEqualTo(MeritOrderPlanGenerator.NAME);
    }
}
