package org.gridfleet.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.testkit.Assets;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.Test;

/** The real-time loop ticks the center on the system clock. */
class ControlLoopTest {
    @Test
    void theLoopTicksTheCenterInRealTime() throws InterruptedException {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        PlanningProblem problem = ProblemBuilder.on("real time", new TimeGrid(start, Duration.ofMinutes(15), 2))
                .add(Assets.generator("G1", DeviceType.RECIPROCATING_ENGINE, 600, 150, new CostCurve.Quadratic(0, 0.10, 0)))
                .demand("EU-1", 300, 300)
                .build();
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        CountDownLatch dispatched = new CountDownLatch(1);
        ControlCenter center = new ControlCenter(problem, plan, InstantSource.system(),
                command -> CompletableFuture.completedFuture(SendOutcome.DELIVERED), ControlOptions.defaults(), event -> {
                    if (event instanceof ControlEvent.Redispatched) {
                        dispatched.countDown();
                    }
                });

        ControlLoop loop = ControlLoop.start(center, Duration.ofMillis(50));
        try {
            assertThat(dispatched.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            loop.close();
        }

        assertThat(center.lastDispatch().orElseThrow().result().setpointsKw()).containsValue(300.0);
    }
}
