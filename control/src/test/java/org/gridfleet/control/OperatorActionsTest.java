package org.gridfleet.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.junit.jupiter.api.Test;

/** What an operator does to a running center (the server's API): adopt another plan, acknowledge an alarm. */
class OperatorActionsTest {
    static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    static final AssetId G1 = AssetId.of("G1");

    /** The campus with G1 out for the whole day: its merit-order plan runs G2 and starts the fuel cell G3 instead. */
    static DispatchPlan planWithoutG1(PlanningProblem campus) {
        Map<AssetId, Profile> availability = new HashMap<>(campus.availability());
        availability.put(G1, Profile.zeros(campus.grid().intervals()));
        PlanningProblem withoutG1 = new PlanningProblem(campus.name(), campus.currency(), campus.grid(), campus.assets(), campus.endUsers(),
                campus.network(), availability, campus.forecastKw(), campus.demandKwByEndUser(), campus.salePricePerKwh(),
                campus.importTariffPerKwh(), campus.gridConnection(), campus.reserve(), campus.flags());
        return new MeritOrderPlanGenerator().generate(withoutG1).getFirst();
    }

    @Test
    void anAdoptedPlanIsDispatchedAtTheNextTickAndReportedAsTheOperatorsChoice() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus());
        loop.run(Duration.ofMinutes(5), TEN_SECONDS);
        DispatchPlan chosen = planWithoutG1(loop.problem);
        assertThat(chosen.schedule(G1).orElseThrow().powerKw().get(0)).isZero();

        Replan replan = loop.center.adopt(chosen, "least-emissions chosen by alice: G1 due for inspection");
        loop.step(TEN_SECONDS);

        assertThat(loop.center.plan()).isSameAs(chosen);
        assertThat(replan.reason()).isEqualTo(Replan.Reason.OPERATOR_CHOICE);
        assertThat(replan.from()).isEqualTo(ControlFleets.START);
        assertThat(loop.center.report().replans()).containsExactly(replan);
        assertThat(loop.events).anyMatch(e -> e instanceof ControlEvent.Replanned r && r.replan() == replan);
        assertThat(loop.lastRedispatch().hasCause(Cause.Trigger.REPLANNED)).isTrue();
        assertThat(loop.sentTo(G1).getLast().setpointKw()).as("G1 is stopped by the chosen plan").isCloseTo(0, within(1e-6));
    }

    @Test
    void aPlanForAnotherGridIsRefusedAndTheOneInForceStands() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus());
        loop.step(TEN_SECONDS);
        DispatchPlan inForce = loop.center.plan();
        DispatchPlan other = new MeritOrderPlanGenerator().generate(ControlFleets.tooSmall()).getFirst();

        assertThatThrownBy(() -> loop.center.adopt(other, "wrong run")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid");
        assertThat(loop.center.plan()).isSameAs(inForce);
        assertThat(loop.center.report().replans()).isEmpty();
    }

    @Test
    void anAcknowledgedAlarmStaysActiveAndOnlyTheFirstAcknowledgementCounts() {
        FieldLoop loop = new FieldLoop(ControlFleets.tooSmall());
        loop.step(TEN_SECONDS);
        Alarm alarm = loop.center.activeAlarm(Alarm.Kind.DEMAND_NOT_MET, Alarm.PLANT).orElseThrow();

        Alarm acknowledged = loop.center.acknowledgeAlarm(alarm.id(), "alice").orElseThrow();
        Alarm again = loop.center.acknowledgeAlarm(alarm.id(), "bob").orElseThrow();

        assertThat(acknowledged.acknowledged()).contains(new Alarm.Acknowledgement("alice", loop.center.now()));
        assertThat(again).isEqualTo(acknowledged);
        assertThat(loop.center.activeAlarm(Alarm.Kind.DEMAND_NOT_MET, Alarm.PLANT)).contains(acknowledged);
        assertThat(loop.center.alarmHistory()).contains(acknowledged);
        assertThat(loop.events).filteredOn(e -> e instanceof ControlEvent.AlarmAcknowledged).hasSize(1);
        assertThat(loop.center.acknowledgeAlarm(9_999, "alice")).isEmpty();

        loop.step(TEN_SECONDS);
        assertThat(loop.center.activeAlarm(Alarm.Kind.DEMAND_NOT_MET, Alarm.PLANT).orElseThrow().acknowledged()).isPresent();
    }
}
