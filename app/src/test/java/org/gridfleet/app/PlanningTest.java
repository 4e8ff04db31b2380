package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.plan.io.PlanJson.Stop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The small decisions of a planning run: why a solve stopped, and how durations and gaps are read and written. */
class PlanningTest {
    /** MILP, time limit 60 s, gap target 1 %. */
    private static final Planning.Settings MILP = new Planning.Settings(Planning.Solver.MILP, Objective.of(ObjectiveKind.COST),
            Duration.ofSeconds(60), 0.01, false);

    @Test
    void ctrlCIsTheReasonWhereItCutTheSolveShort() {
        assertThat(Planning.stop(new PlanStatus.Feasible(0.5), MILP, 3, true)).isEqualTo(Stop.USER);
        assertThat(Planning.stop(new PlanStatus.Feasible(0.005), MILP, 3, true)).isEqualTo(Stop.USER);
        // too late to cut anything short: the plan was proven, or the clock had run out
        assertThat(Planning.stop(new PlanStatus.Optimal(), MILP, 3, true)).isEqualTo(Stop.FINISHED);
        assertThat(Planning.stop(new PlanStatus.Feasible(0.5), MILP, 60.2, true)).isEqualTo(Stop.TIME_LIMIT);
    }

    @Test
    void aProvenPlanFinishedAndAFeasibleOneStoppedAtTheGapOrTheClock() {
        assertThat(Planning.stop(new PlanStatus.Optimal(), MILP, 3, false)).isEqualTo(Stop.FINISHED);
        assertThat(Planning.stop(new PlanStatus.Feasible(0.009), MILP, 3, false)).isEqualTo(Stop.GAP_TARGET);
        assertThat(Planning.stop(new PlanStatus.Feasible(0.02), MILP, 60.2, false)).isEqualTo(Stop.TIME_LIMIT);
    }

    @Test
    void withoutAGapTheClockTellsWhetherTheTimeLimitStoppedIt() {
        PlanStatus.Infeasible shortfall = new PlanStatus.Infeasible("short", List.of());

        assertThat(Planning.stop(shortfall, MILP, 2, false)).isEqualTo(Stop.FINISHED);
        assertThat(Planning.stop(shortfall, MILP, 60.4, false)).isEqualTo(Stop.TIME_LIMIT);
        assertThat(Planning.stop(new PlanStatus.Heuristic(), MILP, 61, false)).as("the merit-order fallback").isEqualTo(Stop.TIME_LIMIT);
    }

    @Test
    void meritOrderSettingsRefuseObjectivesOtherThanCost() {
        assertThatThrownBy(() -> new Planning.Settings(Planning.Solver.MERIT_ORDER, Objective.parse("cost=0.7,emissions=0.3"),
                Duration.ofSeconds(1), 0, false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("least cost only");
        assertThat(new Planning.Settings(Planning.Solver.MERIT_ORDER, Objective.parse("cost=2"), Duration.ofSeconds(1), 0, false).objective())
                .isEqualTo(Objective.parse("cost=2"));
    }

    @ParameterizedTest
    @CsvSource({"30s, PT30S", "2m, PT2M", "2min, PT2M", "1m30s, PT1M30S", "1m 30s, PT1M30S", "1h, PT1H", "1.5h, PT1H30M", "500ms, PT0.5S",
            "90sec, PT1M30S", "PT1M, PT1M", "pt45s, PT45S", "2M, PT2M"})
    void durationsAsPeopleWriteThemAreRead(String text, Duration expected) throws Exception {
        assertThat(new PlanCommand.DurationConverter().convert(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "30", "s", "1x", "30s!", "-5s", "0s", "PT0S", "PT-1M", "P1Y", "1m30", "99999999999h"})
    void anythingElseIsNotADuration(String text) {
        assertThatThrownBy(() -> new PlanCommand.DurationConverter().convert(text)).isInstanceOf(CommandLine.TypeConversionException.class);
    }

    @ParameterizedTest
    @CsvSource({"0.01, 0.0001", "1, 0.01", "0.5%, 0.005", "0, 0", "99.9, 0.999"})
    void gapIsAPercentage(String text, double fraction) throws Exception {
        assertThat(new PlanCommand.GapConverter().convert(text)).isCloseTo(fraction, org.assertj.core.api.Assertions.within(1e-15));
    }

    @ParameterizedTest
    @CsvSource({"PT60S, 60 s", "PT2M, 2 min", "PT2M30S, 2 min 30 s", "PT1.5S, 1.5 s", "PT3H10M, 3 h 10 min", "PT2H, 2 h"})
    void durationsArePrintedForPeople(Duration duration, String text) {
        assertThat(Planning.duration(duration)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0.0001, 0.01 %", "0.0082, 0.82 %", "0, 0 %", "0.123456, 12.3 %", "1e300, more than 1000 %"})
    void gapsArePrintedAsPercentages(double fraction, String text) {
        assertThat(Planning.percent(fraction)).isEqualTo(text);
    }
}
