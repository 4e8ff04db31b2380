package org.gridfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.gridfleet.model.BusId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.fleet.Transformer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fields a power flow needs: the slack bus's voltage, transformers, line ratings in kVA, and the reactive power
 * of devices and end-users. The small fleet gets a substation in front of its feeder:
 *
 * <pre>
 *   HV (69 kV, slack at 1.02 pu) ──T1 5 MVA, 1 % + j7 %── SUB (12.47 kV) ──L1── B1 (12.47 kV)
 * </pre>
 */
class PowerFlowFieldsTest {
    private static final String SLACK = "  slackBus: SUB";
    private static final String SUB_BUS = "    - {id: SUB, nominalKv: 12.47}";
    private static final String LINE = "    - {id: L1, from: SUB, to: B1, resistanceOhm: 0.2, reactanceOhm: 0.3, ratingA: 400}";
    private static final String TRANSFORMER = "{id: T1, from: HV, to: SUB, ratedKva: 5000, resistancePercent: 1, reactancePercent: 7, tapRatio: 1.025}";

    @TempDir
    Path dir;

    /** The small fleet fed from a 69 kV slack bus through transformer {@code transformer} (a flow mapping). */
    private SmallFleet withSubstation(String transformer) {
        return SmallFleet.copyTo(dir)
                .replace("fleet.yaml", SLACK, "  slackBus: HV\n  slackVoltagePu: 1.02")
                .replace("fleet.yaml", SUB_BUS, "    - {id: HV, nominalKv: 69}\n" + SUB_BUS)
                .replace("fleet.yaml", LINE, LINE + "\n  transformers:\n    - " + transformer);
    }

    private SmallFleet withSubstation() {
        return withSubstation(TRANSFORMER);
    }

    private static Network network(IngestPipeline.Result result) {
        return result.problem().orElseThrow().network();
    }

    private static Asset device(IngestPipeline.Result result, String id) {
        return result.problem().orElseThrow().assets().stream().filter(a -> a.id().value().equals(id)).findFirst().orElseThrow();
    }

    private static EndUser endUser(IngestPipeline.Result result, String id) {
        return result.problem().orElseThrow().endUsers().stream().filter(u -> u.id().value().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> deviceIds(IngestPipeline.Result result) {
        return result.problem().orElseThrow().assets().stream().map(a -> a.id().value()).toList();
    }

    private static List<Rejection> ofRule(IngestPipeline.Result result, Rule rule) {
        return result.rejections().stream().filter(r -> r.rule() == rule).toList();
    }

    @Nested
    class Reading {
        @Test
        void withoutTheNewFieldsTheDefaultsHold() {
            IngestPipeline.Result result = SmallFleet.copyTo(dir).run();

            assertThat(result.rejections()).isEmpty();
            assertThat(network(result).slackVoltagePu()).isEqualTo(1.0);
            assertThat(network(result).transformers()).isEmpty();
            assertThat(result.problem().orElseThrow().assets()).allSatisfy(a -> assertThat(a.info().reactive()).isEqualTo(ReactivePower.UNITY));
            assertThat(result.problem().orElseThrow().endUsers()).allSatisfy(u -> assertThat(u.reactive()).isEqualTo(ReactivePower.UNITY));
        }

        @Test
        void substationTransformerAndSlackVoltageAreRead() {
            IngestPipeline.Result result = withSubstation().run();

            assertThat(result.rejections()).isEmpty();
            Network network = network(result);
            assertThat(network.slackBus()).contains(BusId.of("HV"));
            assertThat(network.slackVoltagePu()).isEqualTo(1.02);
            assertThat(network.transformers()).containsExactly(new Transformer("T1", BusId.of("HV"), BusId.of("SUB"), 5000, 1, 7, 1.025));
            // 7 % on 5 MVA seen from 12.47 kV: 0.07 · 12.47² / 5 = 2.177 Ω
            assertThat(network.transformers().getFirst().reactanceOhmAt(12.47)).isCloseTo(2.177, within(0.001));
        }

        @Test
        void tapRatioDefaultsToTheNeutralTap() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace(", tapRatio: 1.025", "")).run();

            assertThat(result.rejections()).isEmpty();
            assertThat(network(result).transformers().getFirst().tapRatio()).isEqualTo(1.0);
        }

        @Test
        void transformerBetweenBusesOfEqualVoltageIsAccepted() {
            IngestPipeline.Result result = withSubstation().replace("fleet.yaml", "{id: HV, nominalKv: 69}", "{id: HV, nominalKv: 12.47}").run();

            assertThat(result.rejections()).isEmpty();
            assertThat(network(result).transformers()).hasSize(1);
        }

        @Test
        void lineRatingInKvaIsConvertedToAmpereWithTheFromBusVoltage() {
            IngestPipeline.Result result = SmallFleet.copyTo(dir).replace("fleet.yaml", "ratingA: 400", "ratingKva: 10000").run();

            assertThat(result.rejections()).isEmpty();
            // 10 MVA at 12.47 kV line-to-line: 10 000 kVA / (1.7320508 · 12.47 kV) = 463.0 A
            assertThat(network(result).lines().getFirst().ratingA()).isCloseTo(463.0, within(0.05));
        }

        @Test
        void devicePowerFactorAndFixedKvarAreRead() {
            IngestPipeline.Result result = SmallFleet.copyTo(dir)
                    .replace("fleet.yaml", "    minStablePowerKw: 200", "    minStablePowerKw: 200\n    reactive: {powerFactor: 0.9, absorbing: true}")
                    .replace("fleet.yaml", "    minSoc: 0.1", "    minSoc: 0.1\n    reactive: {kvar: -50}")
                    .replace("fleet.yaml", "    ratedPowerKw: 300", "    ratedPowerKw: 300\n    reactive: {powerFactor: 0.95}")
                    .run();

            assertThat(result.rejections()).isEmpty();
            assertThat(device(result, "ENG-1").info().reactive()).isEqualTo(new ReactivePower.PowerFactor(0.9, true));
            assertThat(device(result, "PV-1").info().reactive()).isEqualTo(new ReactivePower.PowerFactor(0.95, false));
            assertThat(device(result, "BAT-1").info().reactive()).isEqualTo(new ReactivePower.FixedKvar(-50));
            // absorbing at 0.9: 400 kW · tan(acos 0.9) = 400 · 0.48432 = 193.7 kvar taken from the grid
            assertThat(device(result, "ENG-1").info().kvarAt(400)).isCloseTo(-193.7, within(0.05));
            // delivering at 0.95: 200 kW · 0.32868 = 65.7 kvar into the grid
            assertThat(device(result, "PV-1").info().kvarAt(200)).isCloseTo(65.7, within(0.05));
        }

        @Test
        void endUserPowerFactorIsLaggingUnlessLeading() {
            IngestPipeline.Result result = SmallFleet.copyTo(dir)
                    .replace("fleet.yaml", "{id: EU-1, bus: B1, class: residential}", "{id: EU-1, bus: B1, class: residential, powerFactor: 0.95}")
                    .replace("fleet.yaml", "{id: EU-2, bus: B1, class: commercial}", "{id: EU-2, bus: B1, class: commercial, powerFactor: 0.9, leading: true}")
                    .run();

            assertThat(result.rejections()).isEmpty();
            assertThat(endUser(result, "EU-1").reactive()).isEqualTo(new ReactivePower.PowerFactor(0.95, false));
            assertThat(endUser(result, "EU-2").reactive()).isEqualTo(new ReactivePower.PowerFactor(0.9, true));
            assertThat(endUser(result, "EU-3").reactive()).isEqualTo(ReactivePower.UNITY);
            // an end-user's positive kvar is drawn: 100 kW at 0.95 lagging draws 32.9 kvar, at 0.9 leading delivers 48.4
            assertThat(endUser(result, "EU-1").reactive().kvarAt(100)).isCloseTo(32.87, within(0.01));
            assertThat(endUser(result, "EU-2").reactive().kvarAt(100)).isCloseTo(-48.43, within(0.01));
        }
    }

    @Nested
    class SlackVoltage {
        @Test
        void outsideNinetyToOneHundredTenPercentIsRejected() {
            IngestPipeline.Result result = withSubstation().replace("fleet.yaml", "slackVoltagePu: 1.02", "slackVoltagePu: 1.15").run();

            assertThat(result.errors()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.RANGE);
                assertThat(r.where()).isEqualTo("network.slackVoltagePu");
                assertThat(r.message()).contains("within [0.9, 1.1] pu").contains("1.15");
            });
            // the setting falls back to 1 pu; nothing else is lost
            assertThat(network(result).slackVoltagePu()).isEqualTo(1.0);
            assertThat(network(result).transformers()).hasSize(1);
            assertThat(deviceIds(result)).containsExactly("ENG-1", "PV-1", "BAT-1");
        }

        @Test
        void percentageIsCalledOut() {
            IngestPipeline.Result result = withSubstation().replace("fleet.yaml", "slackVoltagePu: 1.02", "slackVoltagePu: 102").run();

            assertThat(result.errors()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.UNITS);
                assertThat(r.where()).isEqualTo("network.slackVoltagePu");
                assertThat(r.message()).contains("percentage").contains("1.02");
            });
        }
    }

    @Nested
    class Transformers {
        @Test
        void lowVoltageBusAsFromIsRejectedWithAnAdviceToSwap() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("from: HV, to: SUB", "from: SUB, to: HV")).run();

            assertThat(result.errors()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.CONSISTENCY);
                assertThat(r.where()).isEqualTo("network.transformers[0].from");
                assertThat(r.message()).contains("transformer T1").contains("12.47 kV").contains("69.0 kV").contains("swap from and to");
            });
            assertThat(network(result).transformers()).isEmpty();
            // only the transformer is lost; the feeder behind it is now cut off from the slack bus, which is a warning
            assertThat(network(result).lines()).hasSize(1);
            assertThat(deviceIds(result)).containsExactly("ENG-1", "PV-1", "BAT-1");
            assertThat(result.warnings()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.CONSISTENCY);
                assertThat(r.where()).isEqualTo("network.buses");
                assertThat(r.message()).contains("buses not connected to the slack bus HV through lines or transformers: SUB, B1")
                        .contains("1 line or transformer was rejected above");
            });
        }

        @Test
        void unknownBusIsRejected() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("to: SUB", "to: SUB2")).run();

            assertThat(ofRule(result, Rule.UNKNOWN_ID)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.transformers[0].to");
                assertThat(r.message()).contains("'SUB2'");
            });
            assertThat(network(result).transformers()).isEmpty();
        }

        @Test
        void bothEndsOnOneBusAreRejected() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("to: SUB", "to: HV")).run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.transformers[0].to");
                assertThat(r.message()).contains("itself");
            });
        }

        @Test
        void zeroRatingIsRejected() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("ratedKva: 5000", "ratedKva: 0")).run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.transformers[0].ratedKva");
                assertThat(r.message()).contains("> 0 kVA");
            });
        }

        @Test
        void ratingInVoltAmpereIsCalledOut() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("ratedKva: 5000", "ratedKva: 5000000")).run();

            assertThat(ofRule(result, Rule.UNITS)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.transformers[0].ratedKva");
                assertThat(r.message()).contains("VA, not kVA");
            });
        }

        @Test
        void missingImpedanceIsRequired() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace(", resistancePercent: 1", "")).run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.transformers[0].resistancePercent");
                assertThat(r.message()).contains("is required");
            });
        }

        @Test
        void zeroImpedanceIsRejected() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("resistancePercent: 1, reactancePercent: 7", "resistancePercent: 0, reactancePercent: 0")).run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.transformers[0].reactancePercent");
                assertThat(r.message()).contains("non-zero impedance");
            });
        }

        @Test
        void reactanceAboveOneHundredPercentIsRejected() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("reactancePercent: 7", "reactancePercent: 150")).run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.transformers[0].reactancePercent");
                assertThat(r.message()).contains("within [0, 100] %");
            });
            assertThat(network(result).transformers()).isEmpty();
        }

        @Test
        void unusuallyHighReactanceIsKeptWithAWarning() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("reactancePercent: 7", "reactancePercent: 40")).run();

            assertThat(result.errors()).isEmpty();
            assertThat(result.warnings()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.RANGE);
                assertThat(r.where()).isEqualTo("network.transformers[0].reactancePercent");
                assertThat(r.message()).contains("unusually high").contains("not ohm");
            });
            assertThat(network(result).transformers()).hasSize(1);
        }

        @Test
        void nominalTurnsRatioAsTapIsCalledOut() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("tapRatio: 1.025", "tapRatio: 5.53")).run();

            assertThat(ofRule(result, Rule.UNITS)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.transformers[0].tapRatio");
                assertThat(r.message()).contains("nominal turns ratio").contains("nominalKv");
            });
        }

        @Test
        void tapAsAPercentageIsCalledOut() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("tapRatio: 1.025", "tapRatio: 102.5")).run();

            assertThat(ofRule(result, Rule.UNITS)).singleElement().satisfies(r -> assertThat(r.message()).contains("1.025 for +2.5 %"));
        }

        @Test
        void tapBeyondWhatTapChangersReachIsRejected() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("tapRatio: 1.025", "tapRatio: 1.3")).run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.transformers[0].tapRatio");
                assertThat(r.message()).contains("within [0.8, 1.2]");
            });
        }

        @Test
        void idOfALineIsADuplicate() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("id: T1", "id: L1")).run();

            assertThat(ofRule(result, Rule.DUPLICATE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.transformers[0].id");
                assertThat(r.message()).contains("network.lines[0]").contains("that first one is kept");
            });
            assertThat(network(result).lines()).extracting(l -> l.id()).containsExactly("L1");
            assertThat(network(result).transformers()).isEmpty();
        }

        @Test
        void misspeltFieldSuggestsTheIntendedOne() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("ratedKva", "ratedKVA")).run();

            assertThat(ofRule(result, Rule.SCHEMA)).extracting(Rejection::message)
                    .anySatisfy(m -> assertThat(m).contains("did you mean 'ratedKva'"));
        }

        @Test
        void transformerWithoutIdIsASchemaError() {
            IngestPipeline.Result result = withSubstation(TRANSFORMER.replace("id: T1, ", "")).run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> assertThat(r.where()).isEqualTo("network.transformers[0].id"));
        }
    }

    @Nested
    class Lines {
        @Test
        void bothRatingsGivenIsASchemaErrorAskingToPickOne() {
            IngestPipeline.Result result = SmallFleet.copyTo(dir).replace("fleet.yaml", "ratingA: 400", "ratingA: 400, ratingKva: 8000").run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.lines[0].ratingKva");
                assertThat(r.message()).contains("line L1").contains("pick one");
            });
            assertThat(network(result).lines()).isEmpty();
        }

        @Test
        void noRatingIsASchemaErrorNamingBoth() {
            IngestPipeline.Result result = SmallFleet.copyTo(dir).replace("fleet.yaml", ", ratingA: 400", "").run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("network.lines[0].ratingA");
                assertThat(r.message()).contains("is required").contains("ratingKva");
            });
        }

        @Test
        void ratingInVoltAmpereIsCalledOut() {
            IngestPipeline.Result result = SmallFleet.copyTo(dir).replace("fleet.yaml", "ratingA: 400", "ratingKva: 8000000").run();

            assertThat(ofRule(result, Rule.UNITS)).singleElement().satisfies(r -> assertThat(r.where()).isEqualTo("network.lines[0].ratingKva"));
        }

        @Test
        void rejectedLineLeavesItsBusUnreachableWithAWarningAndKeepsTheDevices() {
            IngestPipeline.Result result = SmallFleet.copyTo(dir).replace("fleet.yaml", "resistanceOhm: 0.2", "resistanceOhm: -0.2").run();

            assertThat(result.errors()).singleElement().satisfies(r -> assertThat(r.where()).isEqualTo("network.lines[0].resistanceOhm"));
            assertThat(result.warnings()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.CONSISTENCY);
                assertThat(r.where()).isEqualTo("network.buses");
                assertThat(r.message()).contains("not connected to the slack bus SUB through lines or transformers: B1");
            });
            assertThat(deviceIds(result)).containsExactly("ENG-1", "PV-1", "BAT-1");
        }

        @Test
        void manyUnreachableBusesAreNamedUpToTen() {
            StringBuilder loose = new StringBuilder();
            for (int b = 1; b <= 12; b++) {
                loose.append("\n    - {id: X").append(b).append(", nominalKv: 12.47}");
            }
            IngestPipeline.Result result = SmallFleet.copyTo(dir).replace("fleet.yaml", SUB_BUS, SUB_BUS + loose).run();

            assertThat(result.errors()).isEmpty();
            assertThat(result.warnings()).singleElement().satisfies(r -> assertThat(r.message())
                    .contains(": X1, X2, X3, X4, X5, X6, X7, X8, X9, X10 and 2 more;").doesNotContain("rejected above"));
        }

        @Test
        void lineBetweenTwoVoltagesIsKeptWithAWarningToUseATransformer() {
            IngestPipeline.Result result = SmallFleet.copyTo(dir).replace("fleet.yaml", "{id: B1, nominalKv: 12.47}", "{id: B1, nominalKv: 4.16}").run();

            assertThat(result.errors()).isEmpty();
            assertThat(result.warnings()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.CONSISTENCY);
                assertThat(r.where()).isEqualTo("network.lines[0].to");
                assertThat(r.message()).contains("12.47 kV").contains("4.16 kV").contains("transformer");
            });
            assertThat(network(result).lines()).hasSize(1);
        }
    }

    @Nested
    class DeviceReactive {
        private SmallFleet engineWith(String reactive) {
            return SmallFleet.copyTo(dir).replace("fleet.yaml", "    minStablePowerKw: 200", "    minStablePowerKw: 200\n    reactive: " + reactive);
        }

        @Test
        void powerFactorAndKvarTogetherRejectOnlyThatDevice() {
            IngestPipeline.Result result = engineWith("{powerFactor: 0.95, kvar: 100}").run();

            assertThat(result.errors()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.SCHEMA);
                assertThat(r.where()).isEqualTo("devices[0].reactive");
                assertThat(r.message()).contains("device ENG-1").contains("both powerFactor and kvar").contains("pick one");
            });
            assertThat(deviceIds(result)).containsExactly("PV-1", "BAT-1");
        }

        @Test
        void emptyReactiveSaysWhatToGive() {
            IngestPipeline.Result result = engineWith("{}").run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[0].reactive");
                assertThat(r.message()).contains("powerFactor").contains("kvar");
            });
        }

        @Test
        void powerFactorAsAPercentageIsCalledOut() {
            IngestPipeline.Result result = engineWith("{powerFactor: 95}").run();

            assertThat(result.errors()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.UNITS);
                assertThat(r.where()).isEqualTo("devices[0].reactive.powerFactor");
                assertThat(r.message()).contains("percentage").contains("0.95");
            });
            assertThat(deviceIds(result)).containsExactly("PV-1", "BAT-1");
        }

        @Test
        void zeroPowerFactorIsRejected() {
            IngestPipeline.Result result = engineWith("{powerFactor: 0}").run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[0].reactive.powerFactor");
                assertThat(r.message()).contains("within (0, 1]");
            });
        }

        @Test
        void kvarBeyondTheRatingCanNeverBeDelivered() {
            IngestPipeline.Result result = engineWith("{kvar: 900}").run();

            assertThat(result.errors()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.RANGE);
                assertThat(r.where()).isEqualTo("devices[0].reactive.kvar");
                assertThat(r.message()).contains("never be delivered").contains("800.0 kW");
            });
            assertThat(deviceIds(result)).containsExactly("PV-1", "BAT-1");
        }

        @Test
        void absorbedKvarBeyondTheRatingIsRejectedToo() {
            IngestPipeline.Result result = engineWith("{kvar: -801}").run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> assertThat(r.message()).contains("never be absorbed"));
        }

        @Test
        void kvarInVarIsCalledOut() {
            IngestPipeline.Result result = engineWith("{kvar: 120000000}").run();

            assertThat(ofRule(result, Rule.UNITS)).singleElement().satisfies(r -> assertThat(r.message()).contains("var, not kvar"));
        }

        @Test
        void absorbingWithKvarIsASchemaError() {
            IngestPipeline.Result result = engineWith("{kvar: 100, absorbing: true}").run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("devices[0].reactive.absorbing");
                assertThat(r.message()).contains("negative kvar");
            });
        }

        @Test
        void absorbingAtUnityPowerFactorIsAWarning() {
            IngestPipeline.Result result = engineWith("{powerFactor: 1, absorbing: true}").run();

            assertThat(result.errors()).isEmpty();
            assertThat(result.warnings()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.CONSISTENCY);
                assertThat(r.where()).isEqualTo("devices[0].reactive.absorbing");
            });
        }

        @Test
        void misspeltFieldSuggestsTheIntendedOne() {
            IngestPipeline.Result result = engineWith("{powerfactor: 0.9}").run();

            assertThat(ofRule(result, Rule.SCHEMA)).extracting(Rejection::message)
                    .anySatisfy(m -> assertThat(m).contains("did you mean 'powerFactor'"));
        }
    }

    @Nested
    class EndUserReactive {
        private SmallFleet firstEndUserWith(String fields) {
            return SmallFleet.copyTo(dir).replace("fleet.yaml", "{id: EU-1, bus: B1, class: residential}", "{id: EU-1, bus: B1, class: residential, " + fields + "}");
        }

        @Test
        void powerFactorAsAPercentageRejectsOnlyThatEndUser() {
            IngestPipeline.Result result = firstEndUserWith("powerFactor: 95").run();

            assertThat(ofRule(result, Rule.UNITS)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("endUsers[0].powerFactor");
                assertThat(r.message()).contains("end-user EU-1").contains("percentage");
            });
            assertThat(result.problem().orElseThrow().endUsers()).extracting(u -> u.id().value()).containsExactly("EU-2", "EU-3");
        }

        @Test
        void powerFactorAboveOneHundredIsOutOfRange() {
            IngestPipeline.Result result = firstEndUserWith("powerFactor: 950").run();

            assertThat(ofRule(result, Rule.RANGE)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("endUsers[0].powerFactor");
                assertThat(r.message()).contains("within (0, 1]");
            });
        }

        @Test
        void leadingMustBeABoolean() {
            IngestPipeline.Result result = firstEndUserWith("powerFactor: 0.9, leading: yes please").run();

            assertThat(ofRule(result, Rule.SCHEMA)).singleElement().satisfies(r -> {
                assertThat(r.where()).isEqualTo("endUsers[0].leading");
                assertThat(r.message()).contains("true or false");
            });
        }

        @Test
        void leadingAtUnityPowerFactorIsAWarning() {
            IngestPipeline.Result result = firstEndUserWith("leading: true").run();

            assertThat(result.errors()).isEmpty();
            assertThat(result.warnings()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Rule.CONSISTENCY);
                assertThat(r.where()).isEqualTo("endUsers[0].leading");
                assertThat(r.message()).contains("no effect");
            });
            assertThat(endUser(result, "EU-1").reactive()).isEqualTo(ReactivePower.UNITY);
        }
    }
}
