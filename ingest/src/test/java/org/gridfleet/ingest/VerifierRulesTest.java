package org.gridfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.problem.DataFlag;
import org.gridfleet.model.problem.PlanningProblem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One nested class per verifier rule: each breaks the small valid fleet in one place and checks the finding. */
class VerifierRulesTest {
    @TempDir
    Path dir;

    private SmallFleet fleet() {
        return SmallFleet.copyTo(dir);
    }

    private static List<Rejection> ofRule(IngestPipeline.Result result, Rule rule) {
        return result.rejections().stream().filter(r -> r.rule() == rule).toList();
    }

    private static List<String> deviceIds(IngestPipeline.Result result) {
        return result.problem().orElseThrow().assets().stream().map(a -> a.id().value()).toList();
    }

    @Nested
    class Source {
        @Test
        void missingSeriesFileIsReportedAndTheFleetStillLoads() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "forecasts: forecasts.csv", "forecasts: nowhere.csv").run();

            assertThat(ofRule(result, Rule.SOURCE)).singleElement().satisfies(r -> {
                assertThat(r.file()).isEqualTo("nowhere.csv");
                assertThat(r.message()).contains("file not found").contains("series.forecasts");
            });
            assertThat(deviceIds(result)).containsExactly("ENG-1", "PV-1", "BAT-1");
        }

        @Test
        void missingFleetFileIsAnErrorNotAnException() {
            IngestPipeline.Result result = new IngestPipeline().run(new org.gridfleet.ingest.collector.FileDataCollector(dir.resolve("absent.yaml")));

            assertThat(result.errors()).singleElement().satisfies(r -> assertThat(r.rule()).isEqualTo(Rule.SOURCE));
            assertThat(result.problem()).isEmpty();
        }
    }

    @Nested
    class Syntax {
        @Test
        void brokenYamlIsReportedWithLineAndColumn() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "  - {id: EU-1, bus: B1, class: residential}", "  - {id: EU-1, bus: [B1").run();

            assertThat(result.errors()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.SYNTAX);
                assertThat(r.where()).matches("line \\d+, column \\d+");
            });
            assertThat(result.problem()).isEmpty();
        }

        @Test
        void duplicateKeyInYamlIsASyntaxError() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "currency: USD", "currency: USD\ncurrency: EUR").run();

            assertThat(ofRule(result, Rule.SYNTAX)).singleElement().satisfies(r -> assertThat(r.message()).contains("currency"));
        }

        @Test
        void unclosedQuoteInCsvKeepsTheRowsBeforeIt() {
            IngestPipeline.Result result = fleet().replace("demand.csv", "2026-11-23T07:00:00Z,24,100,200", "2026-11-23T07:00:00Z,\"24,100,200").run();

            assertThat(ofRule(result, Rule.SYNTAX)).singleElement().satisfies(r -> assertThat(r.file()).isEqualTo("demand.csv"));
            assertThat(result.problem().orElseThrow().endUsers()).hasSize(3);
        }
    }

    @Nested
    class Schema {
        @Test
        void wrongTypeIsReportedWithItsFieldPath() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "ratedPowerKw: 800", "ratedPowerKw: big").run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[0].ratedPowerKw");
                assertThat(r.message()).contains("device ENG-1").contains("must be a number").contains("'big'");
            });
            assertThat(deviceIds(result)).containsExactly("PV-1", "BAT-1");
        }

        @Test
        void missingRequiredFieldIsNamed() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "    energyCapacityKwh: 500\n", "").run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[2].energyCapacityKwh");
                assertThat(r.message()).contains("is required");
            });
        }

        @Test
        void unknownFieldSuggestsTheIntendedOne() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "minStablePowerKw: 200", "minStablePowerKW: 200").run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> assertThat(r.message()).contains("did you mean 'minStablePowerKw'"));
        }

        @Test
        void unknownDeviceTypeListsTheKnownOnes() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "type: photovoltaic", "type: solar").run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> assertThat(r.message())
                    .contains("unknown device type 'solar'").contains("photovoltaic").contains("flywheel"));
            // its forecast column now names a rejected device
            assertThat(ofRule(result, Rule.UNKNOWN_ID)).singleElement().satisfies(r -> assertThat(r.message()).contains("was rejected"));
        }

        @Test
        void timeWithoutOffsetIsRejected() {
            IngestPipeline.Result result = fleet().replace("demand.csv", "2026-11-23T03:00:00Z", "2026-11-23T03:00:00").run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("line 5");
                assertThat(r.message()).contains("offset");
            });
        }
    }

    @Nested
    class Finite {
        @Test
        void nanInTheFleetDocumentIsRejected() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "ratedPowerKw: 300", "ratedPowerKw: .nan").run();

            assertThat(ofRule(result, Rule.FINITE)).singleElement().satisfies(r -> assertThat(r.where()).isEqualTo("devices[1].ratedPowerKw"));
        }

        @Test
        void nanInACsvCellLosesOnlyThatCell() {
            IngestPipeline.Result result = fleet().replace("demand.csv", "2026-11-23T03:00:00Z,16,100,200", "2026-11-23T03:00:00Z,NaN,100,200").run();

            assertThat(ofRule(result, Rule.FINITE)).singleElement().satisfies(r -> assertThat(r.where()).isEqualTo("line 5, column EU-1"));
            PlanningProblem problem = result.problem().orElseThrow();
            // the 1 h hole is filled by interpolation between 14 and 18 kW; the neighbours of the row are untouched
            assertThat(problem.demandKwByEndUser().get(EndUserId.of("EU-1")).get(3)).isEqualTo(16.0);
            assertThat(problem.demandKwByEndUser().get(EndUserId.of("EU-2")).get(3)).isEqualTo(100.0);
        }

        @Test
        void nanFinalSocRejectsOnlyItsDevice() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "minSoc: 0.1", "minSoc: 0.1\n    finalSoc: .nan").run();

            assertThat(ofRule(result, Rule.FINITE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[2].finalSoc");
                assertThat(r.message()).contains("device BAT-1").contains("finite");
            });
            assertThat(deviceIds(result)).containsExactly("ENG-1", "PV-1");
        }
    }

    @Nested
    class Range {
        @Test
        void minimumStablePowerAboveTheRatingIsRejected() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "minStablePowerKw: 200", "minStablePowerKw: 900").run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> assertThat(r.message()).contains("above ratedPowerKw"));
            assertThat(deviceIds(result)).containsExactly("PV-1", "BAT-1");
        }

        @Test
        void invertedStateOfChargeLimitsAreRejected() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "minSoc: 0.1", "minSoc: 0.9\n    maxSoc: 0.2").run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> assertThat(r.message()).contains("inverted"));
        }

        @Test
        void finalSocOutsideTheStateOfChargeLimitsRejectsOnlyItsDevice() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "minSoc: 0.1", "minSoc: 0.1\n    maxSoc: 0.9\n    finalSoc: 0.95").run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[2].finalSoc");
                assertThat(r.message()).contains("device BAT-1").contains("0.95").contains("[0.1, 0.9]").contains("leave finalSoc out");
            });
            assertThat(deviceIds(result)).containsExactly("ENG-1", "PV-1");
        }

        @Test
        void negativeFinalSocIsRejected() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "minSoc: 0.1", "minSoc: 0.1\n    finalSoc: -0.2").run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[2].finalSoc");
                assertThat(r.message()).contains("within [0, 1]");
            });
        }

        @Test
        void initialAndFinalSocOutsideTheLimitsAreBothReported() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "minSoc: 0.1", "minSoc: 0.1\n    initialSoc: 0.05\n    finalSoc: 0.02").run();

            assertThat(ofRule(result, Rule.RANGE)).extracting(Rejection::where).containsExactly("devices[2].initialSoc", "devices[2].finalSoc");
        }

        @Test
        void zeroEfficiencyIsRejected() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "minSoc: 0.1", "minSoc: 0.1\n    chargeEfficiency: 0").run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[2].chargeEfficiency");
                assertThat(r.message()).contains("within (0, 1]");
            });
        }

        @Test
        void negativeCapacityIsRejected() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "energyCapacityKwh: 500", "energyCapacityKwh: -500").run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> assertThat(r.message()).contains("> 0 kWh"));
        }

        @Test
        void maintenanceEndingBeforeItStartsRejectsItsDevice() {
            IngestPipeline.Result result = fleet().replace("maintenance.csv", "2026-11-23T03:30:00Z", "2026-11-23T01:30:00Z").run();

            // the row, and the device whose maintenance is now unknown: planning it as available would be unsafe
            assertThat(ofRule(result, Rule.RANGE)).extracting(Rejection::where).containsExactly("line 2", "devices[0]");
            assertThat(deviceIds(result)).containsExactly("PV-1", "BAT-1");
        }

        @Test
        void negativeDemandIsRejected() {
            IngestPipeline.Result result = fleet().replace("demand.csv", "2026-11-23T05:00:00Z,20", "2026-11-23T05:00:00Z,-20").run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> assertThat(r.where()).isEqualTo("line 7, column EU-1"));
        }
    }

    @Nested
    class Units {
        @Test
        void efficiencyGivenAsAPercentageIsCalledOut() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "minSoc: 0.1", "minSoc: 0.1\n    dischargeEfficiency: 95").run();

            assertThat(ofRule(result, Rule.UNITS)).singleElement().satisfies(r -> assertThat(r.message()).contains("percentage").contains("0.95"));
        }

        @Test
        void finalSocGivenAsAPercentageIsCalledOut() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "minSoc: 0.1", "minSoc: 0.1\n    finalSoc: 80").run();

            assertThat(ofRule(result, Rule.UNITS)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[2].finalSoc");
                assertThat(r.message()).contains("percentage").contains("write a fraction");
            });
            assertThat(deviceIds(result)).containsExactly("ENG-1", "PV-1");
        }

        @Test
        void ratingInWattsIsCalledOut() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "ratedPowerKw: 800", "ratedPowerKw: 800000000").run();

            assertThat(ofRule(result, Rule.UNITS)).singleElement().satisfies(r -> assertThat(r.message()).contains("watts"));
        }

        @Test
        void pricePerMwhInTheCsvIsCalledOut() {
            IngestPipeline.Result result = fleet().replace("prices.csv", "0.12,0.25", "120,0.25").run();

            assertThat(ofRule(result, Rule.UNITS)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("line 4, column salePricePerKwh");
                assertThat(r.message()).contains("per MWh");
            });
        }

        @Test
        void voltageInVoltsIsCalledOut() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "{id: B1, nominalKv: 12.47}", "{id: B1, nominalKv: 12470}").run();

            assertThat(ofRule(result, Rule.UNITS)).singleElement().satisfies(r -> assertThat(r.message()).contains("volts"));
        }
    }

    @Nested
    class Duplicate {
        @Test
        void secondDeviceWithTheSameIdIsRejectedAndTheFirstKept() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "  - id: BAT-1", "  - id: PV-1").run();

            assertThat(ofRule(result, Rule.DUPLICATE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[2].id");
                assertThat(r.message()).contains("devices[1]");
            });
            assertThat(deviceIds(result)).containsExactly("ENG-1", "PV-1");
        }

        @Test
        void identicalRepeatedRowIsDroppedWithAWarning() {
            IngestPipeline.Result result = fleet().replace("demand.csv", "2026-11-23T02:00:00Z,14,100,200\n",
                    "2026-11-23T02:00:00Z,14,100,200\n2026-11-23T02:00:00Z,14,100,200\n").run();

            assertThat(result.errors()).isEmpty();
            assertThat(ofRule(result, Rule.DUPLICATE)).hasSize(3).allSatisfy(r -> assertThat(r.isError()).isFalse());
            assertThat(result.problem().orElseThrow().demandKw().get(2)).isEqualTo(314.0);
        }

        @Test
        void conflictingRowsAtTheSameTimeAreBothRejected() {
            IngestPipeline.Result result = fleet().replace("demand.csv", "2026-11-23T02:00:00Z,14,100,200\n",
                    "2026-11-23T02:00:00Z,14,100,200\n2026-11-23T02:00:00Z,99,100,200\n").run();

            assertThat(result.errors()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.DUPLICATE);
                assertThat(r.message()).contains("14.0").contains("99.0").contains("both are rejected");
            });
            // EU-1 at 02:00 becomes a 1 h gap between 12 and 16 kW, filled by interpolation
            assertThat(result.problem().orElseThrow().demandKwByEndUser().get(EndUserId.of("EU-1")).get(2)).isEqualTo(14.0);
        }

        @Test
        void duplicateColumnIsReadOnce() {
            IngestPipeline.Result result = fleet().replace("demand.csv", "time,EU-1,EU-2,EU-3", "time,EU-1,EU-2,EU-2").run();

            assertThat(ofRule(result, Rule.DUPLICATE)).singleElement().satisfies(r -> assertThat(r.where()).isEqualTo("line 1, column 4"));
        }
    }

    @Nested
    class Order {
        @Test
        void rowBeforeItsPredecessorIsRejectedAndTheRestKept() {
            IngestPipeline.Result result = fleet().replace("demand.csv", "2026-11-23T05:00:00Z,20", "2026-11-23T01:30:00Z,20").run();

            assertThat(ofRule(result, Rule.ORDER)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("line 7");
                assertThat(r.message()).contains("rising time order");
            });
            assertThat(result.problem().orElseThrow().endUsers()).hasSize(3);
        }
    }

    @Nested
    class UnknownId {
        @Test
        void demandColumnOfAnUnknownEndUserIsIgnored() {
            IngestPipeline.Result result = fleet().replace("demand.csv", "time,EU-1,EU-2,EU-3", "time,EU-1,EU-2,EU-9").run();

            assertThat(ofRule(result, Rule.UNKNOWN_ID)).singleElement().satisfies(r -> assertThat(r.message()).contains("no end-user 'EU-9'"));
            // EU-3 lost its column and with it its demand
            assertThat(ofRule(result, Rule.CONSISTENCY)).singleElement().satisfies(r -> assertThat(r.message()).contains("EU-3"));
            assertThat(result.problem().orElseThrow().endUsers()).hasSize(2);
        }

        @Test
        void deviceOnABusTheNetworkLacksIsRejected() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "    bus: SUB\n    ratedPowerKw: 250", "    bus: B7\n    ratedPowerKw: 250").run();

            assertThat(ofRule(result, Rule.UNKNOWN_ID)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[2].bus");
                assertThat(r.message()).contains("'B7'");
            });
        }

        @Test
        void forecastForANonRenewableIsIgnored() {
            IngestPipeline.Result result = fleet().write("forecasts.csv", "time,PV-1,BAT-1\n2026-11-23T00:00:00Z,0,5\n2026-11-23T04:00:00Z,100,5\n").run();

            assertThat(ofRule(result, Rule.UNKNOWN_ID)).singleElement().satisfies(r -> assertThat(r.message()).contains("is a battery"));
        }

        @Test
        void maintenanceOfAnUnknownDeviceIsIgnored() {
            IngestPipeline.Result result = fleet().replace("maintenance.csv", "ENG-1,", "ENG-7,").run();

            assertThat(ofRule(result, Rule.UNKNOWN_ID)).singleElement().satisfies(r -> assertThat(r.message()).contains("'ENG-7'"));
        }
    }

    @Nested
    class Stale {
        @Test
        void demandThatEndsBeforeTheHorizonRejectsItsEndUser() {
            IngestPipeline.Result result = fleet().write("demand.csv", """
                    time,EU-1,EU-2,EU-3
                    2026-11-22T22:00:00Z,,100,200
                    2026-11-22T23:00:00Z,10,,
                    """ + "2026-11-23T00:00:00Z,,100,200\n".repeat(1) + rowsFrom(1)).run();

            assertThat(ofRule(result, Rule.STALE)).singleElement().satisfies(r -> {
                assertThat(r.message()).contains("demand of EU-1 is stale").contains("end-user is rejected");
            });
            assertThat(result.problem().orElseThrow().endUsers()).extracting(u -> u.id().value()).containsExactly("EU-2", "EU-3");
        }

        private static String rowsFrom(int hour) {
            StringBuilder rows = new StringBuilder();
            for (int h = hour; h < 8; h++) {
                rows.append(String.format("2026-11-23T%02d:00:00Z,,100,200%n", h));
            }
            return rows.toString();
        }
    }

    @Nested
    class GapRule {
        @Test
        void shortGapIsFilledByInterpolationAndFlagged() {
            IngestPipeline.Result result = fleet().replace("demand.csv", "2026-11-23T03:00:00Z,16,100,200\n", "").run();

            assertThat(ofRule(result, Rule.GAP)).hasSize(3).allSatisfy(r -> assertThat(r.isError()).isFalse());
            PlanningProblem problem = result.problem().orElseThrow();
            assertThat(problem.demandKwByEndUser().get(EndUserId.of("EU-1")).get(3)).isEqualTo(16.0);
            assertThat(problem.flags()).filteredOn(f -> f.kind() == DataFlag.Kind.FILLED).hasSize(3)
                    .allSatisfy(f -> assertThat(f.fromInterval()).isEqualTo(3));
        }

        @Test
        void longGapIsRejectedAndPlannedWithTheEndUsersPeak() {
            IngestPipeline.Result result = fleet()
                    .replace("demand.csv", "2026-11-23T02:00:00Z,14,", "2026-11-23T02:00:00Z,,")
                    .replace("demand.csv", "2026-11-23T03:00:00Z,16,", "2026-11-23T03:00:00Z,,")
                    .replace("demand.csv", "2026-11-23T04:00:00Z,18,", "2026-11-23T04:00:00Z,,").run();

            assertThat(ofRule(result, Rule.GAP)).singleElement().satisfies(r -> {
                assertThat(r.isError()).isTrue();
                assertThat(r.message()).contains("180 min").contains("highest demand");
            });
            PlanningProblem problem = result.problem().orElseThrow();
            // EU-1's highest value in the horizon is 24 kW (07:00)
            assertThat(problem.demandKwByEndUser().get(EndUserId.of("EU-1")).toArray()).containsExactly(10, 12, 24, 24, 24, 20, 22, 24);
            assertThat(problem.flags()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(DataFlag.Kind.SUBSTITUTED);
                assertThat(f.fromInterval()).isEqualTo(2);
                assertThat(f.toInterval()).isEqualTo(4);
            });
        }

        @Test
        void seriesThatEndsEarlyHasAGapAtTheEnd() {
            IngestPipeline.Result result = fleet().replace("forecasts.csv", "2026-11-23T04:00:00Z,100\n", "").run();

            // the only row covers 00:00-04:00 at its own cadence (the horizon step for a single row: 1 h), so the rest is a long gap
            assertThat(ofRule(result, Rule.GAP)).singleElement().satisfies(r -> assertThat(r.message()).contains("0 kW"));
            assertThat(result.problem().orElseThrow().forecastKw().get(AssetId.of("PV-1")).toArray()).containsOnly(0);
        }
    }

    @Nested
    class Size {
        @Test
        void deviceAboveTenMegawattsIsKeptWithAWarning() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "ratedPowerKw: 800", "ratedPowerKw: 12000").run();

            assertThat(result.errors()).isEmpty();
            assertThat(ofRule(result, Rule.SIZE)).singleElement().satisfies(r -> assertThat(r.severity()).isEqualTo(Rejection.Severity.WARNING));
            assertThat(deviceIds(result)).contains("ENG-1");
        }
    }

    @Nested
    class Consistency {
        @Test
        void disagreeingReliabilityFiguresGiveAWarning() {
            IngestPipeline.Result result = fleet().replace("fleet.yaml", "{forcedOutageRate: 0.05, mttrHours: 20}",
                    "{forcedOutageRate: 0.05, mttfHours: 100, mttrHours: 20}").run();

            assertThat(ofRule(result, Rule.CONSISTENCY)).singleElement().satisfies(r -> {
                assertThat(r.isError()).isFalse();
                assertThat(r.message()).contains("0.1667");
            });
        }

        @Test
        void renewableWithoutForecastIsPlannedAtZero() {
            IngestPipeline.Result result = fleet().write("forecasts.csv", "time\n2026-11-23T00:00:00Z\n").run();

            assertThat(ofRule(result, Rule.CONSISTENCY)).singleElement().satisfies(r -> assertThat(r.message()).contains("PV-1").contains("0 kW"));
            assertThat(result.problem().orElseThrow().forecastKw().get(AssetId.of("PV-1")).toArray()).containsOnly(0);
        }
    }

    @Test
    void everyProblemIsReportedInOnePassAndValidRecordsSurvive() {
        IngestPipeline.Result result = fleet()
                .replace("fleet.yaml", "ratedPowerKw: 800", "ratedPowerKw: -800")
                .replace("fleet.yaml", "minSoc: 0.1", "minSoc: 10")
                .replace("fleet.yaml", "{id: EU-2, bus: B1, class: commercial}", "{id: EU-2, bus: B1, class: farm}")
                .replace("demand.csv", "2026-11-23T06:00:00Z,22", "2026-11-23T06:00:00Z,x")
                .replace("prices.csv", "0.08,0.15", "0.08,Infinity")
                .run();

        assertThat(result.errors()).extracting(Rejection::rule)
                .contains(Rule.RANGE, Rule.UNITS, Rule.SCHEMA, Rule.FINITE);
        assertThat(result.errors()).extracting(Rejection::where)
                .contains("devices[0].ratedPowerKw", "devices[2].minSoc", "endUsers[1].class", "line 8, column EU-1", "line 3, column importTariffPerKwh");
        PlanningProblem problem = result.problem().orElseThrow();
        assertThat(deviceIds(result)).containsExactly("PV-1");
        assertThat(problem.endUsers()).extracting(u -> u.id().value()).containsExactly("EU-1", "EU-3");
    }
}
