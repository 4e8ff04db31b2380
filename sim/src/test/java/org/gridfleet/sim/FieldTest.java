package org.gridfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.testkit.Fleets;
import org.gridfleet.testkit.RandomProblems;
import org.junit.jupiter.api.Test;

class FieldTest {
    private static final AssetId RE = AssetId.of("RE-1");

    @Test
    void aFieldHasAControllerForEveryDeviceAndAMeterForEveryEndUser() {
        Field field = Field.of(Fleets.everyDeviceType(), FieldOptions.exact());
        Map<DeviceType, DeviceController> byType = field.controllers().stream().collect(Collectors.toMap(DeviceController::type, Function.identity()));
        assertThat(byType).hasSize(9);
        assertThat(byType.get(DeviceType.EMERGENCY_GENERATOR)).isInstanceOf(GeneratorController.class);
        assertThat(byType.get(DeviceType.FUEL_CELL)).isInstanceOf(GeneratorController.class);
        assertThat(byType.get(DeviceType.RECIPROCATING_ENGINE)).isInstanceOf(GeneratorController.class);
        assertThat(byType.get(DeviceType.MICROTURBINE)).isInstanceOf(GeneratorController.class);
        assertThat(byType.get(DeviceType.PHOTOVOLTAIC)).isInstanceOf(RenewableController.class);
        assertThat(byType.get(DeviceType.WIND_TURBINE)).isInstanceOf(RenewableController.class);
        assertThat(byType.get(DeviceType.BATTERY)).isInstanceOf(StorageController.class);
        assertThat(byType.get(DeviceType.SMES)).isInstanceOf(StorageController.class);
        assertThat(byType.get(DeviceType.FLYWHEEL)).isInstanceOf(StorageController.class);
        assertThat(field.meters()).extracting(EndUserMeter::endUser).containsExactly(EndUserId.of("EU-1"), EndUserId.of("EU-2"));
        assertThat(field.now()).isEqualTo(field.problem().grid().start());
    }

    @Test
    void anExactFieldReadsTheDemandProfilesAndFollowsCommands() {
        Field field = Field.of(Fleets.everyDeviceType(), FieldOptions.exact()); // hourly from 06:00; demand 700 900 1100 ...
        Instant start = field.now();
        Ack ack = field.send(new Command(new CommandId("c1"), RE, 600, start, start.plus(Duration.ofHours(3))));
        assertThat(ack.status()).isEqualTo(Ack.Status.ACCEPTED);
        field.step(Duration.ofHours(1));
        assertThat(field.totalDemandKw()).isCloseTo(700, within(1e-9));
        assertThat(field.controller(RE).powerKw()).isEqualTo(600);
        assertThat(field.drainAcks()).extracting(Ack::status).containsExactly(Ack.Status.DONE);
        field.run(Duration.ofHours(1), Duration.ofMinutes(10));
        assertThat(field.now()).isEqualTo(start.plus(Duration.ofHours(2)));
        assertThat(field.readings()).extracting(MeterReading::time).containsOnly(field.now());
        assertThat(field.totalDemandKw()).isCloseTo(900, within(1e-9));
        List<Telemetry> telemetry = field.telemetry();
        assertThat(telemetry).hasSize(9).extracting(Telemetry::time).containsOnly(field.now());
        assertThat(telemetry.stream().filter(t -> t.device().equals(RE)).findFirst().orElseThrow().state()).isEqualTo(OperatingState.RUNNING);
    }

    @Test
    void aCommandForADeviceNotInTheFieldIsRejected() {
        Field field = Field.of(Fleets.everyDeviceType(), FieldOptions.exact());
        Ack ack = field.send(new Command(new CommandId("c1"), AssetId.of("NOPE"), 10, field.now(), field.now().plus(Duration.ofHours(1))));
        assertThat(ack.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(ack.reason()).isEqualTo("no device NOPE in this field");
        assertThatThrownBy(() -> field.trip(AssetId.of("NOPE"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOPE");
    }

    @Test
    void faultInjectionTripsDevicesFreezesMetersAndRaisesCommunicationFlags() {
        Field field = Field.of(Fleets.everyDeviceType(), FieldOptions.seeded(1));
        field.step(Duration.ofMinutes(5));
        field.trip(AssetId.of("BAT-1"));
        assertThat(field.controller(AssetId.of("BAT-1")).state()).isEqualTo(OperatingState.FAULT);
        field.repair(AssetId.of("BAT-1"));
        assertThat(field.controller(AssetId.of("BAT-1")).state()).isEqualTo(OperatingState.STOPPED);

        field.freeze(EndUserId.of("EU-1"));
        double frozen = field.meter(EndUserId.of("EU-1")).reading().demandKw();
        field.step(Duration.ofMinutes(60));
        assertThat(field.meter(EndUserId.of("EU-1")).reading().demandKw()).isEqualTo(frozen);
        assertThat(field.meter(EndUserId.of("EU-1")).reading().time()).isEqualTo(field.now());

        AssetId pv = AssetId.of("PV-1");
        assertThat(field.faults(pv).any()).isFalse();
        field.cutComms(pv);
        field.delayAcks(pv, Duration.ofSeconds(30));
        field.dropAcks(pv, 0.25);
        SiteFaults faults = field.faults(pv);
        assertThat(faults.commsCut()).isTrue();
        assertThat(faults.ackDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(faults.ackDropProbability()).isEqualTo(0.25);
        field.restoreComms(pv);
        assertThat(faults.commsCut()).isFalse();
        faults.clear();
        assertThat(faults.any()).isFalse();
        assertThat(field.faults(AssetId.of("WT-1")).any()).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        assertThat(run(9)).isEqualTo(run(9)).isNotEqualTo(run(10));
    }

    private static List<Object> run(long seed) {
        PlanningProblem problem = RandomProblems.problem(3);
        Field field = Field.of(problem, FieldOptions.seeded(seed));
        List<Object> seen = new ArrayList<>();
        for (int k = 0; k < 96; k++) {
            if (k % 8 == 0) {
                for (DeviceController c : field.controllers()) {
                    double kw = c instanceof StorageController ? -20 : c.asset().ratedPowerKw() * 0.6;
                    field.send(new Command(new CommandId("c-" + k + "-" + c.id()), c.id(), kw, field.now(), field.now().plus(Duration.ofHours(2))));
                }
            }
            field.step(Duration.ofMinutes(15));
            seen.addAll(field.telemetry());
            seen.addAll(field.readings());
            seen.addAll(field.drainAcks());
        }
        return seen;
    }

    /**
     * The scale the issue asks for: 10 000 devices of all nine types and 10 000 meters stepped together, without
     * error. It prints how long building and stepping took (docs/simulator.md quotes it), and asserts nothing about
     * time.
     */
    @Test
    void tenThousandDevicesAndMetersStepTogether() {
        PlanningProblem problem = withEndUsers(RandomProblems.problem(11, 10_000, 96), 10_000);
        long t0 = System.nanoTime();
        Field field = Field.of(problem, FieldOptions.seeded(11));
        long t1 = System.nanoTime();
        field.step(Duration.ofSeconds(1));
        long t2 = System.nanoTime();
        int steps = 50;
        for (int k = 0; k < steps; k++) {
            field.step(Duration.ofSeconds(1));
        }
        long t3 = System.nanoTime();
        List<Telemetry> telemetry = field.telemetry();
        assertThat(telemetry).hasSize(10_000);
        assertThat(telemetry).allSatisfy(t -> assertThat(Double.isFinite(t.powerKw())).isTrue());
        assertThat(field.readings()).hasSize(10_000).extracting(MeterReading::time).containsOnly(field.now());
        assertThat(field.controllers()).extracting(DeviceController::type).containsAll(List.of(DeviceType.values()));
        System.out.printf("sim scale: %d devices, %d meters: built in %.1f ms, first step %.2f ms, then %.2f ms a step%n",
                field.controllers().size(), field.meters().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6 / steps);
    }

    /** {@code problem} with its end-users replaced by {@code count} residential ones, each with a share of its demand. */
    static PlanningProblem withEndUsers(PlanningProblem problem, int count) {
        org.gridfleet.model.Profile total = problem.demandKw();
        List<org.gridfleet.model.fleet.EndUser> users = new ArrayList<>(count);
        Map<EndUserId, org.gridfleet.model.Profile> demand = new java.util.HashMap<>();
        for (int u = 0; u < count; u++) {
            EndUserId id = EndUserId.of("eu-" + u);
            users.add(new org.gridfleet.model.fleet.EndUser(id, id.value(), org.gridfleet.testkit.Assets.BUS,
                    org.gridfleet.model.fleet.CustomerClass.RESIDENTIAL));
            demand.put(id, total.map(kw -> kw / count));
        }
        return new PlanningProblem(problem.name(), problem.currency(), problem.grid(), problem.assets(), users, problem.network(),
                problem.availability(), problem.forecastKw(), demand, problem.salePricePerKwh(), problem.importTariffPerKwh(),
                problem.gridConnection(), problem.reserve(), problem.flags());
    }
}
