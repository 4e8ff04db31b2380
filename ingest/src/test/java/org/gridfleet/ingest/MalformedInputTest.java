package org.gridfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.gridfleet.model.EndUserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs that once escaped as exceptions or slipped through: each must become a finding, never a crash. */
class MalformedInputTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("end-user id with a space", Rule.SCHEMA, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml", "{id: EU-1,", "{id: \"EU 1\",")),
                Arguments.of("end-user without id", Rule.SCHEMA, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml", "{id: EU-1, bus: B1,", "{bus: B1,")),
                Arguments.of("bus id with a space", Rule.SCHEMA, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml", "{id: B1, nominalKv", "{id: \"B 1\", nominalKv")),
                Arguments.of("line without id", Rule.SCHEMA, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml", "{id: L1, from", "{from")),
                Arguments.of("step of 63 000 years", Rule.RANGE, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml", "step: PT1H", "step: PT2000000000000S")),
                Arguments.of("start in the year 295 million", Rule.RANGE, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml", "start: 2026-11-23T00:00:00Z", "start: \"+295000000-01-01T00:00:00Z\"")),
                Arguments.of("a billion intervals", Rule.RANGE, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml", "intervals: 8", "intervals: 1000000000")),
                Arguments.of("intervals as a float", Rule.SCHEMA, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml", "intervals: 8", "intervals: 1e9")),
                Arguments.of("NUL in a series path", Rule.SOURCE, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml", "demand: demand.csv", "demand: \"dem\\0and.csv\"")),
                Arguments.of("YAML alias", Rule.SYNTAX, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml", "currency: USD", "currency: &c USD\nname2: *c")),
                Arguments.of("devices is a number", Rule.SCHEMA, (UnaryOperator<SmallFleet>) f -> f.write("fleet.yaml", "formatVersion: 1\nname: x\nhorizon: {start: 2026-11-23T00:00:00Z, intervals: 2}\ndevices: 5\n")),
                Arguments.of("no devices", Rule.SCHEMA, (UnaryOperator<SmallFleet>) f -> f.write("fleet.yaml", "formatVersion: 1\nname: x\nhorizon: {start: 2026-11-23T00:00:00Z, intervals: 2}\ndevices: []\n")),
                Arguments.of("document is a list", Rule.SYNTAX, (UnaryOperator<SmallFleet>) f -> f.write("fleet.yaml", "- a\n- b\n")),
                Arguments.of("document is a scalar", Rule.SYNTAX, (UnaryOperator<SmallFleet>) f -> f.write("fleet.yaml", "just words\n")),
                Arguments.of("empty document", Rule.SYNTAX, (UnaryOperator<SmallFleet>) f -> f.write("fleet.yaml", "")),
                Arguments.of("blank name", Rule.SCHEMA, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml", "name: Test campus", "name: \"  \"")),
                Arguments.of("empty CSV", Rule.SCHEMA, (UnaryOperator<SmallFleet>) f -> f.write("prices.csv", "")),
                Arguments.of("negative piecewise cost", Rule.RANGE, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml",
                        "cost: {quadratic: {noLoadPerHour: 20, perKwh: 0.09, perKw2h: 0.00002}}",
                        "cost: {piecewiseLinear: [{powerKw: 0, costPerHour: -50}, {powerKw: 800, costPerHour: 10}]}")),
                Arguments.of("piecewise cost short of the rating", Rule.RANGE, (UnaryOperator<SmallFleet>) f -> f.replace("fleet.yaml",
                        "cost: {quadratic: {noLoadPerHour: 20, perKwh: 0.09, perKw2h: 0.00002}}",
                        "cost: {piecewiseLinear: [{powerKw: 200, costPerHour: 40}, {powerKw: 500, costPerHour: 70}]}")),
                Arguments.of("three values at one time", Rule.DUPLICATE, (UnaryOperator<SmallFleet>) f -> f.replace("demand.csv",
                        "2026-11-23T01:00:00Z,12,100,200\n", "2026-11-23T01:00:00Z,12,100,200\n2026-11-23T01:00:00Z,13,100,200\n2026-11-23T01:00:00Z,14,100,200\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void becomesAFindingNotACrash(String name, Rule expected, UnaryOperator<SmallFleet> breakIt) {
        IngestPipeline.Result result = breakIt.apply(SmallFleet.copyTo(dir)).run();

        assertThat(result.errors()).extracting(Rejection::rule).contains(expected);
    }

    @Test
    void invalidEndUserIdLosesOnlyThatEndUser() {
        IngestPipeline.Result result = SmallFleet.copyTo(dir).replace("fleet.yaml", "{id: EU-1,", "{id: \"EU 1\",").run();

        assertThat(result.problem().orElseThrow().endUsers()).extracting(u -> u.id().value()).containsExactly("EU-2", "EU-3");
    }

    @Test
    void numericIdsAreReadAsText() {
        IngestPipeline.Result result = SmallFleet.copyTo(dir)
                .replace("fleet.yaml", "{id: EU-1, bus: B1", "{id: 17, bus: B1")
                .replace("demand.csv", "time,EU-1,", "time,17,").run();

        assertThat(result.errors()).isEmpty();
        assertThat(result.problem().orElseThrow().demandKwByEndUser()).containsKey(EndUserId.of("17"));
    }

    @Test
    void byteOrderMarksAndWindowsLineEndingsAreRead() throws Exception {
        SmallFleet fleet = SmallFleet.copyTo(dir);
        for (String file : SmallFleet.FILES) {
            String text = java.nio.file.Files.readString(dir.resolve(file));
            fleet.write(file, "\uFEFF" + text.replace("\n", "\r\n"));
        }

        IngestPipeline.Result result = fleet.run();

        assertThat(result.rejections()).isEmpty();
        assertThat(result.problem().orElseThrow().availability().get(org.gridfleet.model.AssetId.of("ENG-1")).toArray())
                .containsExactly(1, 1, 0, 0, 1, 1, 1, 1);
    }

    @Test
    void documentsAboveThreeMebibytesAreRead() throws Exception {
        // SnakeYAML's default limit is 3 MiB: a fleet of a few thousand devices is larger
        SmallFleet fleet = SmallFleet.copyTo(dir);
        String yaml = java.nio.file.Files.readString(dir.resolve("fleet.yaml"));
        fleet.write("fleet.yaml", ("# " + "x".repeat(1000) + "\n").repeat(4_000) + yaml);

        IngestPipeline.Result result = fleet.run();

        assertThat(result.rejections()).isEmpty();
    }

    @Test
    void subMillisecondTimeStampIsNotAGap() {
        IngestPipeline.Result result = SmallFleet.copyTo(dir)
                .replace("demand.csv", "2026-11-23T01:00:00Z,12", "2026-11-23T01:00:00.0009Z,12").run();

        assertThat(result.errors()).isEmpty();
        assertThat(result.problem()).isPresent();
    }

    @Test
    void headerProblemsAreReportedOnTheHeadersLine() {
        IngestPipeline.Result result = SmallFleet.copyTo(dir)
                .replace("demand.csv", "time,EU-1,EU-2,EU-3", "# exported by the meter system\n# kW\ntime,EU-1,EU-2,EU-2").run();

        assertThat(result.errors()).filteredOn(r -> r.rule() == Rule.DUPLICATE).singleElement()
                .satisfies(r -> assertThat(r.where()).isEqualTo("line 3, column 4"));
    }
}
