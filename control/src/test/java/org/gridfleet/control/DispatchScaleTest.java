package org.gridfleet.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridfleet.model.asset.AssetCategory;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.sim.SimClock;
import org.gridfleet.testkit.RandomProblems;
import org.junit.jupiter.api.Test;

/**
 * How long the center takes to re-dispatch a thousand devices: the whole tick (inputs from the live state, the LP,
 * the commands) and the LP alone. Printed, not asserted: the figures depend on the machine.
 */
class DispatchScaleTest {
    @Test
    void aThousandDevicesAreDispatchedEveryInterval() {
        PlanningProblem problem = RandomProblems.problem(11, 1000, 96);
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        SimClock clock = new SimClock(problem.grid().start());
        AtomicInteger commands = new AtomicInteger();
        List<Ack> acks = new ArrayList<>();
        CommandSink sink = command -> { // every device accepts at once
            commands.incrementAndGet();
            acks.add(new Ack(command.id(), command.device(), Ack.Status.ACCEPTED, "", clock.instant()));
            return CompletableFuture.completedFuture(SendOutcome.DELIVERED);
        };
        ControlCenter center = new ControlCenter(problem, plan, clock, sink, ControlOptions.defaults().withoutReplanning(), ControlListener.NONE);

        int intervals = 40;
        int warmUp = 10;
        double[] tickMs = new double[intervals - warmUp];
        double[] lpMs = new double[intervals - warmUp];
        int solves = 0;
        for (int k = 0; k < intervals; k++) {
            clock.advanceTo(problem.grid().startOf(k));
            long started = System.nanoTime();
            center.tick();
            double ms = (System.nanoTime() - started) / 1e6;
            acks.forEach(center::ack);
            acks.clear();
            Redispatch r = center.lastDispatch().orElseThrow();
            assertThat(r.intervalStart()).isEqualTo(problem.grid().startOf(k));
            if (k >= warmUp) {
                tickMs[k - warmUp] = ms;
                lpMs[k - warmUp] = r.result().solveTime().toNanos() / 1e6;
                solves += r.result().solves();
            }
        }

        long generators = problem.assets().stream().filter(a -> a.type().category() == AssetCategory.DISPATCHABLE_GENERATOR).count();
        System.out.printf(Locale.ROOT, "dispatch of %d devices (%d generators), %d end-users, %d intervals after %d to warm up:%n"
                        + "  whole tick (inputs, LP, commands): median %.1f ms, max %.1f ms%n"
                        + "  LP alone (GLOP, %d solves): median %.1f ms, max %.1f ms; %d commands in all%n",
                problem.assets().size(), generators, problem.endUsers().size(), intervals - warmUp, warmUp, median(tickMs), max(tickMs), solves,
                median(lpMs), max(lpMs), commands.get());
        assertThat(commands.get()).isPositive();
        assertThat(center.report().redispatchCount()).isEqualTo(intervals);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
