package org.gridfleet.plan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ScheduleCsvTest {

    @Test
    void writesSetPointsWithImportAndExport() throws IOException {
        assertThat(ScheduleCsv.setPoints(PlanJsonTest.tinyPlan())).isEqualTo(PlanJsonTest.golden("tiny-plan-setpoints.csv"));
    }

    @Test
    void writesStateOfChargeAtTheEndOfEachInterval() {
        assertThat(ScheduleCsv.stateOfCharge(PlanJsonTest.tinyPlan())).isEqualTo("""
                time,BAT-1
                2026-11-23T00:15:00Z,0.55
                2026-11-23T00:30:00Z,0.55
                """);
    }

    @Test
    void numbersArePlainDecimals() {
        assertThat(ScheduleCsv.number(250.0)).isEqualTo("250");
        assertThat(ScheduleCsv.number(-0.0)).isEqualTo("0");
        assertThat(ScheduleCsv.number(1e-4)).isEqualTo("0.0001");
        assertThat(ScheduleCsv.number(1.5e7)).isEqualTo("15000000");
        assertThat(Double.parseDouble(ScheduleCsv.number(0.1 + 0.2))).isEqualTo(0.1 + 0.2);
    }
}
