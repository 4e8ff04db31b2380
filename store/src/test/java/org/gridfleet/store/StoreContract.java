package org.gridfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What every store promises, whatever the database: {@code H2StoreTest} runs it on an H2 file,
 * {@code PostgresStoreIT} on PostgreSQL. Each test starts from an empty, migrated database.
 */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    static final AssetId GEN = AssetId.of("GEN-1");
    static final AssetId BAT = AssetId.of("BAT-1");
    static final TimeGrid GRID = new TimeGrid(T0, Duration.ofMinutes(15), 4);
    static final List<String> TABLES = List.of("observations", "meter_readings", "rejections", "plans", "selections", "commands", "acks", "alarms");

    Store store;

    /** The database of the current test. */
    abstract StoreSettings settings();

    /** Which database this is, for printed figures. */
    abstract String databaseName();

    /** The schema versions Flyway applies on this database. */
    abstract List<String> migrationVersions();

    /** Empties the (migrated) database before a test; nothing to do where every test gets a new one. */
    void wipe() throws SQLException {}

    @BeforeEach
    void openEmptyStore() throws SQLException {
        store = Store.open(settings());
        wipe();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // ---- schema ----------------------------------------------------------------------------------------------

    @Test
    void migrationCreatesEveryTableOnce() throws SQLException {
        for (String table : TABLES) {
            assertThat(count(table)).as(table).isZero();
        }
        store.close();
        store = Store.open(settings());   // a second open finds the schema current and applies nothing
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> applied = new ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getBoolean(2)).as("migration %s succeeded", rs.getString(1)).isTrue();
                applied.add(rs.getString(1));
            }
            assertThat(applied).as("each migration applied once").isEqualTo(migrationVersions());
        }
    }

    // ---- observations ----------------------------------------------------------------------------------------

    @Test
    void telemetryRoundTripsWithAndWithoutReactivePower() {
        Telemetry with = new Telemetry(GEN, T0, 850.5, OptionalDouble.empty(), OperatingState.RUNNING, OptionalDouble.of(-312.25));
        Telemetry without = new Telemetry(GEN, T0.plusSeconds(1), 851, OptionalDouble.empty(), OperatingState.RUNNING);

        store.recordTelemetry(List.of(new StoredTelemetry(with, T0), new StoredTelemetry(without, T0.plusSeconds(1))));

        assertThat(store.telemetry(GEN, T0, T0.plusSeconds(2))).extracting(row -> row.telemetry().kvar())
                .containsExactly(OptionalDouble.of(-312.25), OptionalDouble.empty());
        assertThat(store.latestTelemetry(T0).get(GEN).telemetry()).isEqualTo(without);
    }

    @Test
    void telemetryRoundTripsWithAndWithoutStateOfCharge() {
        Telemetry gen = new Telemetry(GEN, T0, 850.5, OptionalDouble.empty(), OperatingState.RUNNING);
        Telemetry bat = new Telemetry(BAT, T0, -120.25, OptionalDouble.of(0.625), OperatingState.STARTING);

        assertThat(store.recordTelemetry(gen, T0.plusMillis(300))).isTrue();
        assertThat(store.recordTelemetry(bat, T0.plusMillis(450))).isTrue();

        assertThat(store.telemetry(GEN, T0, T0.plusSeconds(1))).containsExactly(new StoredTelemetry(gen, T0.plusMillis(300)));
        assertThat(store.telemetry(BAT, T0, T0.plusSeconds(1))).containsExactly(new StoredTelemetry(bat, T0.plusMillis(450)));
    }

    @Test
    void telemetryOfADeviceIsItsTimeRangeOldestFirst() {
        for (int s : new int[] {3, 0, 2, 1, 4}) {
            store.recordTelemetry(reading(GEN, T0.plusSeconds(s), 100 + s), T0.plusSeconds(s));
            store.recordTelemetry(reading(BAT, T0.plusSeconds(s), -s), T0.plusSeconds(s));
        }

        List<StoredTelemetry> range = store.telemetry(GEN, T0.plusSeconds(1), T0.plusSeconds(4));   // from inclusive, until exclusive

        assertThat(range).extracting(r -> r.telemetry().powerKw()).containsExactly(101.0, 102.0, 103.0);
        assertThat(range).allSatisfy(r -> assertThat(r.telemetry().device()).isEqualTo(GEN));
        assertThat(store.telemetry(GEN, Instant.EPOCH, Instant.MAX)).hasSize(5);   // any bounds are accepted
    }

    @Test
    void telemetryOfATimeRangeStopsAtItsRowLimitOldestFirst() {
        for (int s = 0; s < 5; s++) {
            store.recordTelemetry(reading(GEN, T0.plusSeconds(s), 100 + s), T0.plusSeconds(s));
            store.recordTelemetry(reading(BAT, T0.plusSeconds(s), -s), T0.plusSeconds(s));
        }

        assertThat(store.telemetry(GEN, T0, T0.plusSeconds(5), 3)).extracting(r -> r.telemetry().powerKw()).containsExactly(100.0, 101.0, 102.0);
        assertThat(store.telemetry(GEN, T0.plusSeconds(3), Instant.MAX, 10)).extracting(r -> r.telemetry().powerKw()).containsExactly(103.0, 104.0);
        assertThat(store.telemetry(BAT, T0, T0.plusSeconds(5), 5)).hasSize(5);
        assertThatThrownBy(() -> store.telemetry(GEN, T0, T0.plusSeconds(5), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRows must be at least 1");
    }

    @Test
    void aRepeatedReportKeepsTheFirst() {
        assertThat(store.recordTelemetry(reading(GEN, T0, 500), T0)).isTrue();
        assertThat(store.recordTelemetry(reading(GEN, T0, 999), T0.plusSeconds(5))).isFalse();
        store.recordTelemetry(List.of(new StoredTelemetry(reading(GEN, T0, 777), T0), new StoredTelemetry(reading(GEN, T0.plusSeconds(1), 501), T0)));

        assertThat(store.telemetry(GEN, T0, T0.plusSeconds(2))).extracting(r -> r.telemetry().powerKw()).containsExactly(500.0, 501.0);
    }

    @Test
    void latestTelemetryIsEachDevicesNewestReportSinceAGivenTime() {
        store.recordTelemetry(reading(GEN, T0, 1), T0);
        store.recordTelemetry(reading(GEN, T0.plusSeconds(10), 2), T0);
        store.recordTelemetry(reading(BAT, T0.plusSeconds(5), 3), T0);
        store.recordTelemetry(reading(AssetId.of("PV-1"), T0.minusSeconds(600), 4), T0);   // silent for ten minutes

        Map<AssetId, StoredTelemetry> latest = store.latestTelemetry(T0.minusSeconds(60));

        assertThat(latest).containsOnlyKeys(BAT, GEN);
        assertThat(latest.get(GEN).telemetry().powerKw()).isEqualTo(2.0);
        assertThat(latest.get(BAT).telemetry().powerKw()).isEqualTo(3.0);
    }

    @Test
    void meterReadingsRoundTripAndARepeatKeepsTheFirst() {
        EndUserId home = EndUserId.of("EU-0001");
        MeterReading drawing = new MeterReading(home, T0, 3.5, T0.plusSeconds(1));
        MeterReading feedingIn = new MeterReading(home, T0.plusSeconds(60), -1.25, T0.plusSeconds(61));

        assertThat(store.recordMeterReading(drawing)).isTrue();
        assertThat(store.recordMeterReading(new MeterReading(home, T0, 99, T0.plusSeconds(2)))).isFalse();
        store.recordMeterReadings(List.of(feedingIn, new MeterReading(EndUserId.of("EU-0002"), T0, 7, T0)));

        assertThat(store.meterReadings(home, T0, T0.plusSeconds(3600))).containsExactly(drawing, feedingIn);
        assertThat(count("meter_readings")).isEqualTo(3);
    }

    @Test
    void aBatchOfTenThousandReportsIsKeptWhole() {
        List<StoredTelemetry> second = oneSecondOfFleet(10_000, T0);

        store.recordTelemetry(second);

        assertThat(count("observations")).isEqualTo(10_000);
        assertThat(store.latestTelemetry(T0)).hasSize(10_000);
        assertThat(store.telemetry(AssetId.of("DEV-04321"), T0, T0.plusSeconds(1))).containsExactly(second.get(4321));
    }

    /** Ten seconds of 10,000 devices reporting once a second, as batches of one second each; prints the rate. */
    @Test
    void sustainedTelemetryInsertRate() {
        int devices = 10_000;
        int seconds = 10;
        store.recordTelemetry(oneSecondOfFleet(devices, T0.minusSeconds(1)));   // warm up: JIT, statement caches
        long slowestNanos = 0;
        long start = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            List<StoredTelemetry> batch = oneSecondOfFleet(devices, T0.plusSeconds(s));
            long t = System.nanoTime();
            store.recordTelemetry(batch);
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - t);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;

        int single = 2_000;
        long t = System.nanoTime();
        for (int k = 0; k < single; k++) {
            store.recordTelemetry(reading(AssetId.of("ONE-" + k), T0, k), T0);
        }
        double singleSeconds = (System.nanoTime() - t) / 1e9;

        System.out.printf("%s telemetry insert rate: %,d rows in %d batches of %,d: %.2f s, %,.0f rows/s (slowest batch %.0f ms);"
                        + " one row per call: %,.0f rows/s%n", databaseName(), devices * seconds, seconds, devices, elapsed,
                devices * seconds / elapsed, slowestNanos / 1e6, single / singleSeconds);
        assertThat(count("observations")).isEqualTo((long) devices * (seconds + 1) + single);
    }

    /**
     * The same load for longer, with the space it takes: {@code -Dgridfleet.store.probeSeconds=180} runs 180 seconds of
     * 10,000 devices (1.8 million rows) and prints the rate every 20 seconds of data (docs/store.md).
     */
    @Test
    @EnabledIfSystemProperty(named = "gridfleet.store.probeSeconds", matches = "[1-9][0-9]*")
    void longTelemetryProbe() throws SQLException {
        int seconds = Integer.getInteger("gridfleet.store.probeSeconds");
        long start = System.nanoTime();
        long lap = start;
        for (int s = 0; s < seconds; s++) {
            store.recordTelemetry(oneSecondOfFleet(10_000, T0.plusSeconds(s)));
            if ((s + 1) % 20 == 0 || s + 1 == seconds) {
                long now = System.nanoTime();
                long rows = (s + 1) * 10_000L;
                System.out.printf("%s probe: %,d rows, last %d s of data in %.2f s, stored %,d bytes/row%n", databaseName(), rows,
                        s % 20 + 1, (now - lap) / 1e9, storedBytes() / rows);
                lap = now;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s probe: %,d rows in %.1f s, %,.0f rows/s%n", databaseName(), seconds * 10_000L, elapsed, seconds * 10_000 / elapsed);
    }

    /** What the observations take on disk now, bytes (a whole H2 file; PostgreSQL's table and its indexes). */
    abstract long storedBytes() throws SQLException;

    // ---- rejections ------------------------------------------------------------------------------------------

    @Test
    void rejectionsRoundTripWithAndWithoutSubject() {
        StoredRejection bad = new StoredRejection(T0, "gridfleet/v1/site/GEN-1/telemetry", Optional.of("GEN-1"), "NOT_FINITE",
                "powerKw is NaN", "{\"v\":1,\"kind\":\"telemetry\",\"powerKw\":NaN}");
        StoredRejection unreadable = new StoredRejection(T0.plusSeconds(1), "fleet.yaml:12", Optional.empty(), "syntax", "not YAML", "");

        long first = store.recordRejection(bad);
        long second = store.recordRejection(unreadable);

        assertThat(second).isGreaterThan(first);
        assertThat(store.rejections(T0, T0.plusSeconds(60))).containsExactly(bad, unreadable);
        assertThat(store.rejections(T0.plusSeconds(1), T0.plusSeconds(60))).containsExactly(unreadable);
    }

    @Test
    void longOrNulTextIsCutToItsColumnAndStillKept() {
        String reason = "x".repeat(5_000);
        String excerpt = "a\u0000b" + "é".repeat(3_000);
        store.recordRejection(new StoredRejection(T0, "t".repeat(300), Optional.empty(), "TOO_LARGE", reason, excerpt));

        StoredRejection kept = store.rejections(T0, T0.plusSeconds(1)).getFirst();

        assertThat(kept.source()).hasSize(Store.SOURCE_CHARS).endsWith("…");
        assertThat(kept.reason()).hasSize(Store.TEXT_CHARS).startsWith("xxx").endsWith("…");
        assertThat(kept.excerpt()).hasSize(Store.EXCERPT_CHARS).startsWith("a\uFFFDbé").endsWith("é…");
    }

    // ---- plans and selections --------------------------------------------------------------------------------

    @Test
    void aPlanIsKeptWithItsJsonExactly() {
        String json = planJson("merit-order", 20_000);   // ~1 MB: a big fleet's plan
        String metrics = "{\"currency\": \"USD\", \"cost\": {\"totalCost\": 1234.5}, \"note\": \"naïve – 中文 ✓\"}";

        store.savePlan("plan-a", plan("merit-order", new PlanStatus.Heuristic()), json, Optional.of(metrics), T0);

        assertThat(store.planJson("plan-a")).contains(json);
        assertThat(store.metricsJson("plan-a")).contains(metrics);
        assertThat(store.plan("plan-a")).contains(new StoredPlan("plan-a", "merit-order", "cost", "heuristic", T0,
                T0.plus(Duration.ofHours(1)), T0, true));
        assertThat(store.planJson("no-such-plan")).isEmpty();
    }

    @Test
    void plansAreListedOldestFirstWithOrWithoutMetrics() {
        Objective mix = new Objective(Map.of(ObjectiveKind.COST, 0.7, ObjectiveKind.EMISSIONS, 0.3));
        DispatchPlan infeasible = new DispatchPlan("milp", mix,
                new PlanStatus.Infeasible("demand above capacity", List.of(new Shortfall(2, Shortfall.Kind.DEMAND, 900, 800))),
                GRID, plan("milp", new PlanStatus.Optimal()).schedules(), Profile.zeros(4), Profile.zeros(4));
        store.savePlan("plan-b", infeasible, planJson("milp", 1), Optional.empty(), T0.plusSeconds(60));
        store.savePlan("plan-a", plan("merit-order", new PlanStatus.Heuristic()), planJson("merit-order", 1), Optional.of("{}"), T0);

        assertThat(store.plans()).extracting(StoredPlan::planId, StoredPlan::status, StoredPlan::objective, StoredPlan::hasMetrics)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("plan-a", "heuristic", "cost", true),
                        org.assertj.core.groups.Tuple.tuple("plan-b", "infeasible", mix.describe(), false));
        assertThat(store.metricsJson("plan-b")).isEmpty();
    }

    @Test
    void aSavedPlanNeverChanges() {
        store.savePlan("plan-a", plan("milp", new PlanStatus.Optimal()), planJson("milp", 1), Optional.empty(), T0);

        assertThatThrownBy(() -> store.savePlan("plan-a", plan("milp", new PlanStatus.Optimal()), planJson("other", 1), Optional.empty(), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plan id 'plan-a' is already saved");
        assertThat(store.planJson("plan-a")).contains(planJson("milp", 1));
    }

    @Test
    void selectionsSayWhoChoseWhichPlanAndWhy() {
        store.savePlan("plan-a", plan("merit-order", new PlanStatus.Heuristic()), planJson("merit-order", 1), Optional.empty(), T0);
        store.savePlan("plan-b", plan("milp", new PlanStatus.Optimal()), planJson("milp", 1), Optional.empty(), T0);
        Selection byRule = new Selection("plan-b", Selection.SelectedBy.RULE, "least-cost", "cheapest plan that meets demand", T0.plusSeconds(5));
        Selection byOperator = new Selection("plan-a", Selection.SelectedBy.OPERATOR, "Ana Ruiz", "MILP plan starts GEN-3, which is on test",
                T0.plusSeconds(300));

        assertThat(store.latestSelection()).isEmpty();
        store.recordSelection(byRule);
        store.recordSelection(byOperator);

        assertThat(store.latestSelection()).contains(byOperator);
        assertThat(store.selections()).containsExactly(byRule, byOperator);
    }

    @Test
    void onlyASavedPlanCanBeSelected() {
        assertThatThrownBy(() -> store.recordSelection(new Selection("plan-x", Selection.SelectedBy.RULE, "least-cost", "cheapest", T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot select plan 'plan-x': it is not in the store");
    }

    // ---- commands and acks -----------------------------------------------------------------------------------

    @Test
    void commandsRoundTripWithTheirOrigin() {
        savePlanA();
        Command fromPlan = new Command(new CommandId("cmd-1"), GEN, 750, T0, T0.plus(Duration.ofMinutes(15)));
        Command redispatch = new Command(new CommandId("cmd-2"), BAT, -250.5, T0.plusSeconds(90), T0.plus(Duration.ofMinutes(15)));

        assertThat(store.recordCommand(fromPlan, T0.minusSeconds(2), new CommandOrigin.FromPlan("plan-a", 0))).isTrue();
        assertThat(store.recordCommand(redispatch, T0.plusSeconds(89), new CommandOrigin.Redispatch("GEN-2 tripped: 250 kW short"))).isTrue();

        assertThat(store.command(fromPlan.id())).contains(new StoredCommand(fromPlan, new CommandOrigin.FromPlan("plan-a", 0),
                T0.minusSeconds(2), T0.minusSeconds(2), 1));
        assertThat(store.command(redispatch.id())).contains(new StoredCommand(redispatch, new CommandOrigin.Redispatch("GEN-2 tripped: 250 kW short"),
                T0.plusSeconds(89), T0.plusSeconds(89), 1));
        assertThat(store.commandsOfPlan("plan-a")).extracting(StoredCommand::command).containsExactly(fromPlan);
        assertThat(store.command(new CommandId("cmd-none"))).isEmpty();
    }

    @Test
    void commandsOfATimeRangeComeByValidityStartWithTheirAcks() {
        savePlanA();
        Duration q = Duration.ofMinutes(15);
        Command g0 = new Command(new CommandId("cmd-g0"), GEN, 700, T0, T0.plus(q));
        Command b0 = new Command(new CommandId("cmd-b0"), BAT, -100, T0, T0.plus(q));
        Command g1 = new Command(new CommandId("cmd-g1"), GEN, 650, T0.plus(q), T0.plus(q).plus(q));
        Command g2 = new Command(new CommandId("cmd-g2"), GEN, 600, T0.plus(q).plus(q), T0.plus(q).plus(q).plus(q));
        for (Command c : List.of(g2, g1, b0, g0)) {
            store.recordCommand(c, c.validFrom(), new CommandOrigin.FromPlan("plan-a", 0));
        }
        store.recordAck(new Ack(g1.id(), GEN, Ack.Status.DONE, "", T0.plus(q).plusSeconds(40)));
        store.recordAck(new Ack(g1.id(), GEN, Ack.Status.ACCEPTED, "", T0.plus(q).plusSeconds(1)));
        store.recordAck(new Ack(b0.id(), BAT, Ack.Status.REJECTED, "soc too low", T0.plusSeconds(1)));

        assertThat(store.commands(Optional.of(GEN), T0, T0.plus(q).plus(q), 10)).extracting(StoredCommand::command).containsExactly(g0, g1);
        assertThat(store.commands(Optional.empty(), T0, Instant.MAX, 10)).extracting(StoredCommand::command).containsExactly(b0, g0, g1, g2);
        assertThat(store.commands(Optional.empty(), T0, Instant.MAX, 2)).extracting(StoredCommand::command).containsExactly(b0, g0);
        assertThat(store.acksOfCommands(Optional.of(GEN), T0, T0.plus(q).plus(q)).get(g1.id())).extracting(Ack::status)
                .containsExactly(Ack.Status.ACCEPTED, Ack.Status.DONE);
        assertThat(store.acksOfCommands(Optional.of(GEN), T0, Instant.MAX)).containsOnlyKeys(g1.id());
        assertThat(store.acksOfCommands(Optional.empty(), T0, Instant.MAX)).containsOnlyKeys(b0.id(), g1.id());
    }

    @Test
    void aResendKeepsOneRowAndCountsTheSends() {
        savePlanA();
        Command c = new Command(new CommandId("cmd-1"), GEN, 750, T0, T0.plus(Duration.ofMinutes(15)));
        CommandOrigin origin = new CommandOrigin.FromPlan("plan-a", 0);

        assertThat(store.recordCommand(c, T0, origin)).isTrue();
        assertThat(store.recordCommand(c, T0.plusSeconds(10), origin)).isFalse();
        assertThat(store.recordCommand(c, T0.plusSeconds(5), origin)).isFalse();   // a late record of an earlier resend

        assertThat(store.command(c.id())).contains(new StoredCommand(c, origin, T0, T0.plusSeconds(10), 3));
        assertThat(count("commands")).isEqualTo(1);
    }

    @Test
    void aReactiveSetPointIsKeptWithItsCommandAndIsPartOfTheOrder() {
        savePlanA();
        Command plain = new Command(new CommandId("cmd-1"), GEN, 750, T0, T0.plusSeconds(900));
        Command withKvar = new Command(new CommandId("cmd-2"), GEN, 750, T0, T0.plusSeconds(900), OptionalDouble.of(-246.5));
        CommandOrigin origin = new CommandOrigin.FromPlan("plan-a", 0);
        store.recordCommand(plain, T0, origin);
        store.recordCommand(withKvar, T0, origin);

        assertThat(store.command(plain.id()).orElseThrow().command()).isEqualTo(plain);
        assertThat(store.command(withKvar.id()).orElseThrow().command()).isEqualTo(withKvar);
        assertThat(store.recordCommand(withKvar, T0.plusSeconds(10), origin)).as("a resend").isFalse();
        assertThatThrownBy(() -> store.recordCommand(withKvar.withSetpointKvar(OptionalDouble.of(10)), T0, origin))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("command id cmd-2 was recorded for another order");
    }

    @Test
    void aCommandIdIsNeverReusedForAnotherOrder() {
        savePlanA();
        CommandId id = new CommandId("cmd-1");
        store.recordCommand(new Command(id, GEN, 750, T0, T0.plusSeconds(900)), T0, new CommandOrigin.FromPlan("plan-a", 0));

        assertThatThrownBy(() -> store.recordCommand(new Command(id, GEN, 800, T0, T0.plusSeconds(900)), T0, new CommandOrigin.FromPlan("plan-a", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("command id cmd-1 was recorded for another order");
        assertThat(store.command(id).orElseThrow().command().setpointKw()).isEqualTo(750);
    }

    @Test
    void aCommandFromAPlanNeedsThePlanSavedFirst() {
        Command c = new Command(new CommandId("cmd-1"), GEN, 750, T0, T0.plusSeconds(900));

        assertThatThrownBy(() -> store.recordCommand(c, T0, new CommandOrigin.FromPlan("plan-x", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plan 'plan-x', which is not in the store");
    }

    @Test
    void anAckRecordedTwiceStaysOneRowAndTheFirstWins() {
        Ack first = new Ack(new CommandId("cmd-1"), GEN, Ack.Status.REJECTED, "below minimum stable output", T0.plusSeconds(1));
        Ack again = new Ack(new CommandId("cmd-1"), GEN, Ack.Status.REJECTED, "another reason", T0.plusSeconds(9));

        assertThat(store.recordAck(first)).isTrue();
        assertThat(store.recordAck(again)).isFalse();
        assertThat(store.recordAck(first)).isFalse();

        assertThat(store.acks(first.command())).containsExactly(first);
        assertThat(count("acks")).isEqualTo(1);
    }

    @Test
    void acceptedThenDoneAreTwoAcksOfOneCommand() {
        Ack accepted = new Ack(new CommandId("cmd-1"), GEN, Ack.Status.ACCEPTED, "", T0.plusMillis(200));
        Ack done = new Ack(new CommandId("cmd-1"), GEN, Ack.Status.DONE, "", T0.plusSeconds(40));

        assertThat(store.recordAck(done)).isTrue();   // acks may arrive out of order
        assertThat(store.recordAck(accepted)).isTrue();

        assertThat(store.acks(new CommandId("cmd-1"))).containsExactly(accepted, done);
    }

    @Test
    void commandsAwaitingAckExcludeAcknowledgedAndExpiredOnes() {
        savePlanA();
        Instant now = T0.plusSeconds(600);
        Command expired = command("cmd-expired", GEN, T0, now);                      // valid until exactly now: no longer valid
        Command accepted = command("cmd-accepted", GEN, now.minusSeconds(1), now.plusSeconds(900));
        Command done = command("cmd-done", BAT, now.minusSeconds(1), now.plusSeconds(900));
        Command rejected = command("cmd-rejected", AssetId.of("PV-1"), now.minusSeconds(1), now.plusSeconds(900));
        Command silentNow = command("cmd-silent", AssetId.of("WT-1"), now.minusSeconds(1), now.plusSeconds(900));
        Command next = command("cmd-next", GEN, now.plusSeconds(900), now.plusSeconds(1800));   // sent ahead for the next interval
        for (Command c : List.of(expired, accepted, done, rejected, silentNow, next)) {
            store.recordCommand(c, c.validFrom().minusSeconds(5), new CommandOrigin.FromPlan("plan-a", 1));
        }
        store.recordAck(new Ack(accepted.id(), GEN, Ack.Status.ACCEPTED, "", now));
        store.recordAck(new Ack(done.id(), BAT, Ack.Status.DONE, "", now));
        store.recordAck(new Ack(rejected.id(), AssetId.of("PV-1"), Ack.Status.REJECTED, "curtailment not possible", now));

        assertThat(store.commandsAwaitingAck(now)).extracting(StoredCommand::command).containsExactly(silentNow, next);
        assertThat(store.acknowledgedCommandIds(now)).containsExactlyInAnyOrder(accepted.id(), done.id(), rejected.id());
        assertThat(store.commandsAwaitingAck(now.minusSeconds(1))).extracting(sc -> sc.command().id().value())
                .containsExactly("cmd-expired", "cmd-silent", "cmd-next");
    }

    @Test
    void anAckOfACommandTheStoreDoesNotKnowIsKept() {
        Ack stray = new Ack(new CommandId("cmd-from-elsewhere"), GEN, Ack.Status.REJECTED, "unknown command", T0);

        assertThat(store.recordAck(stray)).isTrue();

        assertThat(store.acks(stray.command())).containsExactly(stray);
        assertThat(store.acknowledgedCommandIds(T0)).isEmpty();
    }

    // ---- alarms ----------------------------------------------------------------------------------------------

    @Test
    void alarmsAreRaisedAcknowledgedOnceAndCleared() {
        Alarm fault = store.raiseAlarm("device-fault", Alarm.Severity.CRITICAL, "GEN-1", "GEN-1 reports FAULT", T0);
        Alarm stale = store.raiseAlarm("stale-telemetry", Alarm.Severity.WARNING, "PV-1", "no report for 60 s", T0.plusSeconds(1));

        assertThat(store.acknowledgeAlarm(fault.id(), "Ana Ruiz", T0.plusSeconds(30))).isTrue();
        assertThat(store.acknowledgeAlarm(fault.id(), "Bo Chen", T0.plusSeconds(40))).isFalse();
        assertThat(store.clearAlarm(stale.id(), T0.plusSeconds(61))).isTrue();
        assertThat(store.clearAlarm(stale.id(), T0.plusSeconds(62))).isFalse();

        Alarm acknowledged = new Alarm(fault.id(), "device-fault", Alarm.Severity.CRITICAL, "GEN-1", "GEN-1 reports FAULT", T0,
                Optional.of("Ana Ruiz"), Optional.of(T0.plusSeconds(30)), Optional.empty());
        assertThat(store.openAlarms()).containsExactly(acknowledged);
        assertThat(store.alarm(stale.id())).hasValueSatisfying(a -> {
            assertThat(a.isOpen()).isFalse();
            assertThat(a.clearedAt()).contains(T0.plusSeconds(61));
        });
        assertThatThrownBy(() -> store.clearAlarm(fault.id() + stale.id() + 100, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("there is no such alarm");
    }

    @Test
    void alarmsOfATimeRangeAreThoseOpenAtSomeTimeInIt() {
        Alarm early = store.raiseAlarm("device-fault", Alarm.Severity.WARNING, "GEN-1", "trip", T0);          // open T0 .. T0+10
        Alarm open = store.raiseAlarm("no-ack", Alarm.Severity.WARNING, "BAT-1", "no answer", T0.plusSeconds(20)); // open since T0+20
        Alarm late = store.raiseAlarm("plan-ended", Alarm.Severity.CRITICAL, "plant", "end", T0.plusSeconds(60));   // open since T0+60
        store.clearAlarm(early.id(), T0.plusSeconds(10));

        assertThat(store.alarms(T0, T0.plusSeconds(5), 10)).extracting(Alarm::id).containsExactly(early.id());
        assertThat(store.alarms(T0.plusSeconds(10), T0.plusSeconds(30), 10)).extracting(Alarm::id).containsExactly(early.id(), open.id());
        assertThat(store.alarms(T0.plusSeconds(11), T0.plusSeconds(60), 10)).extracting(Alarm::id).containsExactly(open.id());
        assertThat(store.alarms(T0.plusSeconds(11), Instant.MAX, 10)).extracting(Alarm::id).containsExactly(open.id(), late.id());
        assertThat(store.alarms(Instant.EPOCH, Instant.MAX, 2)).extracting(Alarm::id).containsExactly(early.id(), open.id());
    }

    // ---- restart ---------------------------------------------------------------------------------------------

    @Test
    void aRestartedStoreKeepsEverythingAndResumes() {
        savePlanA();
        store.recordSelection(new Selection("plan-a", Selection.SelectedBy.RULE, "least-cost", "cheapest", T0));
        Instant now = T0.plusSeconds(60);
        for (int k = 0; k < 6; k++) {
            Command c = command("cmd-" + k, AssetId.of("DEV-" + k), T0, T0.plusSeconds(900));
            store.recordCommand(c, T0, new CommandOrigin.FromPlan("plan-a", 0));
            if (k % 2 == 0) {
                store.recordAck(new Ack(c.id(), c.device(), Ack.Status.ACCEPTED, "", T0.plusSeconds(1)));
            }
        }
        store.recordTelemetry(reading(GEN, T0, 42), T0);
        store.raiseAlarm("device-fault", Alarm.Severity.WARNING, "DEV-1", "no ack", T0.plusSeconds(30));
        List<StoredCommand> awaiting = store.commandsAwaitingAck(now);
        Set<CommandId> acknowledged = store.acknowledgedCommandIds(now);
        Map<String, Long> counts = counts();

        store.close();
        store = Store.open(settings());

        assertThat(counts()).isEqualTo(counts);
        assertThat(store.latestSelection().orElseThrow().planId()).isEqualTo("plan-a");
        assertThat(store.planJson("plan-a")).contains(planJson("merit-order", 4));
        assertThat(store.commandsAwaitingAck(now)).isEqualTo(awaiting).extracting(sc -> sc.command().id().value())
                .containsExactly("cmd-1", "cmd-3", "cmd-5");
        assertThat(store.acknowledgedCommandIds(now)).isEqualTo(acknowledged).hasSize(3);
        assertThat(store.openAlarms()).hasSize(1);
    }

    // ---- times -----------------------------------------------------------------------------------------------

    @Test
    void timesAreKeptToTheMicrosecond() {
        Instant micro = Instant.parse("2026-11-23T08:00:00.123456Z");
        Instant nano = Instant.parse("2026-11-23T08:00:00.987654321Z");

        store.recordTelemetry(reading(GEN, micro, 1), nano);

        StoredTelemetry kept = store.telemetry(GEN, micro, micro.plusNanos(1000)).getFirst();
        assertThat(kept.telemetry().time()).isEqualTo(micro);
        assertThat(kept.receivedAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00.987654Z"));
    }

    // ---- bad input -------------------------------------------------------------------------------------------

    @Test
    void badInputIsRefusedBeforeAnySqlWithAClearMessage() {
        assertThatThrownBy(() -> new MeterReading(EndUserId.of("EU-1"), T0, Double.NaN, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("EU-1: meter reading demandKw must be finite: NaN");
        assertThatThrownBy(() -> store.recordTelemetry(null, T0)).isInstanceOf(NullPointerException.class).hasMessage("telemetry");
        assertThatThrownBy(() -> store.recordTelemetry(reading(GEN, T0, 1), null)).isInstanceOf(NullPointerException.class).hasMessage("receivedAt");
        List<StoredTelemetry> withNull = new ArrayList<>(List.of(new StoredTelemetry(reading(GEN, T0, 1), T0)));
        withNull.add(null);
        assertThatThrownBy(() -> store.recordTelemetry(withNull)).isInstanceOf(NullPointerException.class).hasMessage("reports[1] is null");
        assertThatThrownBy(() -> store.recordTelemetry(reading(GEN, Instant.parse("1850-01-01T00:00:00Z"), 1), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("telemetry time of GEN-1 must be between 1900");
        assertThatThrownBy(() -> store.savePlan("bad id!", plan("milp", new PlanStatus.Optimal()), "{}", Optional.empty(), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plan id must match").hasMessageContaining("'bad id!'");
        assertThatThrownBy(() -> store.savePlan("plan-a", plan("milp", new PlanStatus.Optimal()), "not json", Optional.empty(), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("planJson of plan-a must be a JSON object");
        assertThatThrownBy(() -> store.savePlan("plan-a", null, "{}", Optional.empty(), T0)).isInstanceOf(NullPointerException.class).hasMessage("plan");
        assertThatThrownBy(() -> new StoredRejection(T0, "topic", Optional.of("no spaces allowed"), "BAD_VALUE", "why", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rejection subject must be an id");
        assertThatThrownBy(() -> store.raiseAlarm("device fault", Alarm.Severity.INFO, "GEN-1", "m", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alarm kind must match");
        assertThatThrownBy(() -> store.recordAck(null)).isInstanceOf(NullPointerException.class).hasMessage("ack");
        assertThatThrownBy(() -> store.acknowledgeAlarm(1, " ", T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("who acknowledges an alarm must be named");
        for (String table : TABLES) {
            assertThat(count(table)).as(table).isZero();
        }
    }

    @Test
    void aClosedStoreRefusesEveryCall() {
        store.close();
        store.close();   // twice is harmless

        assertThatThrownBy(() -> store.plans()).isInstanceOf(IllegalStateException.class).hasMessage("cannot list plans: the store is closed");
    }

    // ---- threads ---------------------------------------------------------------------------------------------

    @Test
    void severalThreadsWriteAtOnce() throws Exception {
        int threads = 4;
        int each = 250;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int k = 0; k < each; k++) {
                        AssetId device = AssetId.of("DEV-" + thread);
                        store.recordTelemetry(reading(device, T0.plusSeconds(k), k), T0.plusSeconds(k));
                        store.recordAck(new Ack(new CommandId("cmd-" + thread + "-" + k), device, Ack.Status.ACCEPTED, "", T0));
                        if (k % 50 == 0) {
                            store.recordTelemetry(oneSecondOfFleet(100, T0.plusSeconds(10_000L * thread + k)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }

        assertThat(count("observations")).isEqualTo((long) threads * each + threads * (each / 50) * 100L);
        assertThat(count("acks")).isEqualTo((long) threads * each);
    }

    // ---- fixtures --------------------------------------------------------------------------------------------

    static Telemetry reading(AssetId device, Instant time, double powerKw) {
        return new Telemetry(device, time, powerKw, OptionalDouble.empty(), OperatingState.RUNNING);
    }

    /** {@code devices} devices DEV-00000, DEV-00001, … each reporting once at {@code time}; every tenth is a battery. */
    static List<StoredTelemetry> oneSecondOfFleet(int devices, Instant time) {
        List<StoredTelemetry> rows = new ArrayList<>(devices);
        for (int d = 0; d < devices; d++) {
            OptionalDouble soc = d % 10 == 0 ? OptionalDouble.of((d % 100) / 100.0) : OptionalDouble.empty();
            rows.add(new StoredTelemetry(new Telemetry(AssetId.of("DEV-%05d".formatted(d)), time, 10 + d % 1000, soc, OperatingState.RUNNING),
                    time.plusMillis(40)));
        }
        return rows;
    }

    static Command command(String id, AssetId device, Instant from, Instant until) {
        return new Command(new CommandId(id), device, 100, from, until);
    }

    /** A one-hour plan of one engine, cost objective. */
    static DispatchPlan plan(String generator, PlanStatus status) {
        DeviceSchedule engine = DeviceSchedule.generator(GEN, DeviceType.RECIPROCATING_ENGINE, new double[] {500, 750, 750, 0},
                new boolean[] {true, true, true, false});
        return new DispatchPlan(generator, Objective.of(ObjectiveKind.COST), status, GRID, List.of(engine), Profile.zeros(4), Profile.zeros(4));
    }

    /** Plan-JSON-like text of about {@code 50 × values} characters, with non-ASCII characters. */
    static String planJson(String generator, int values) {
        StringBuilder json = new StringBuilder("{\n  \"formatVersion\": 1,\n  \"generator\": \"" + generator + "\",\n  \"note\": \"Ωmega – naïve ✓\",\n"
                + "  \"powerKw\": [");
        for (int k = 0; k < values; k++) {
            json.append(k == 0 ? "" : ", ").append(k * 1.000000000000001).append(", ").append(-k / 3.0);
        }
        return json.append("]\n}\n").toString();
    }

    void savePlanA() {
        store.savePlan("plan-a", plan("merit-order", new PlanStatus.Heuristic()), planJson("merit-order", 4), Optional.empty(), T0);
    }

    Connection connect() throws SQLException {
        StoreSettings s = settings();
        return DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
    }

    long count(String table) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        TABLES.forEach(t -> counts.put(t, count(t)));
        return counts;
    }
}
