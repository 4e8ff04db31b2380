package org.gridfleet.model.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;
import org.junit.jupiter.api.Test;

/** A command to hold −50 kW (charge) from 10:00 until 10:15. */
class CommandTest {
    private static final Instant FROM = Instant.parse("2024-06-01T10:00:00Z");
    private static final Instant UNTIL = Instant.parse("2024-06-01T10:15:00Z");
    private static final Command CHARGE = new Command(new CommandId("cmd-1"), AssetId.of("BAT-1"), -50, FROM, UNTIL);

    @Test
    void commandIsValidFromItsStartInclusive() {
        assertThat(CHARGE.isValidAt(FROM)).isTrue();
        assertThat(CHARGE.isValidAt(FROM.minusMillis(1))).isFalse();
    }

    @Test
    void commandIsValidUntilItsEndExclusive() {
        assertThat(CHARGE.isValidAt(UNTIL.minusMillis(1))).isTrue();
        assertThat(CHARGE.isValidAt(UNTIL)).isFalse();
        assertThat(CHARGE.isValidAt(UNTIL.plusSeconds(60))).isFalse();
    }

    @Test
    void commandIsValidInsideItsSpan() {
        assertThat(CHARGE.isValidAt(Instant.parse("2024-06-01T10:07:30Z"))).isTrue();
    }

    @Test
    void validityThatDoesNotEndAfterItStartsIsRejected() {
        assertThatThrownBy(() -> new Command(new CommandId("cmd-2"), AssetId.of("BAT-1"), 10, FROM, FROM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end after it starts");
        assertThatThrownBy(() -> new Command(new CommandId("cmd-2"), AssetId.of("BAT-1"), 10, UNTIL, FROM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonFiniteSetpointIsRejected() {
        assertThatThrownBy(() -> new Command(new CommandId("cmd-2"), AssetId.of("BAT-1"), Double.NaN, FROM, UNTIL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("setpointKw");
    }

    @Test
    void commandIdIsOneToSixtyFourCharacters() {
        assertThat(new CommandId("x".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> new CommandId("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomCommandIdsDiffer() {
        CommandId a = CommandId.random();

        assertThat(a).isNotEqualTo(CommandId.random());
        assertThat(a.toString()).hasSize(36).isEqualTo(a.value());
    }

    @Test
    void reactiveSetpointIsOptionalAndMustBeFinite() {
        assertThat(CHARGE.setpointKvar()).isEmpty();
        assertThat(CHARGE.withSetpointKvar(OptionalDouble.of(-12.5)).setpointKvar()).hasValue(-12.5);
        assertThatThrownBy(() -> CHARGE.withSetpointKvar(OptionalDouble.of(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("setpointKvar");
    }
}
