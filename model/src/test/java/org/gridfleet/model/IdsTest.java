package org.gridfleet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one id rule: {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}, shared by asset, end-user and bus ids. */
class IdsTest {
    private static final String SIXTY_FOUR = "A" + "b".repeat(63);
    private static final String SIXTY_FIVE = "A" + "b".repeat(64);

    @ParameterizedTest
    @ValueSource(strings = {"GEN-1", "pv_roof.02", "a", "9lives", "B1", "EU-17", "x.y_z-0"})
    void wellFormedIdsAreValid(String id) {
        assertThat(Ids.isValid(id)).isTrue();
        assertThat(AssetId.of(id).value()).isEqualTo(id);
        assertThat(EndUserId.of(id).value()).isEqualTo(id);
        assertThat(BusId.of(id).value()).isEqualTo(id);
    }

    @Test
    void sixtyFourCharactersAreTheMost() {
        assertThat(SIXTY_FOUR).hasSize(64);
        assertThat(Ids.isValid(SIXTY_FOUR)).isTrue();
        assertThat(Ids.isValid(SIXTY_FIVE)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a+b", "a#b", "a b", " a", "a ", "", "-lead", ".hidden", "_under", "a\nb", "a\n", "Zürich", "a:b"})
    void idsWithForbiddenCharactersOrStartAreInvalid(String id) {
        assertThat(Ids.isValid(id)).isFalse();
    }

    @Test
    void nullIsInvalid() {
        assertThat(Ids.isValid(null)).isFalse();
        assertThatThrownBy(() -> AssetId.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachIdTypeRejectsInvalidTextNamingItsKindAndTheText() {
        assertThatThrownBy(() -> AssetId.of("GEN/1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asset id").hasMessageContaining("'GEN/1'");
        assertThatThrownBy(() -> EndUserId.of("EU#1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end-user id").hasMessageContaining("'EU#1'");
        assertThatThrownBy(() -> BusId.of("bus 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bus id").hasMessageContaining("'bus 1'");
        assertThatThrownBy(() -> new BusId(SIXTY_FIVE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EndUserId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AssetId("a+b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringIsTheBareValue() {
        assertThat(AssetId.of("GEN-1")).hasToString("GEN-1");
        assertThat(EndUserId.of("EU-1")).hasToString("EU-1");
        assertThat(BusId.of("B1")).hasToString("B1");
    }

    @Test
    void idsAreEqualByValue() {
        assertThat(AssetId.of("GEN-1")).isEqualTo(new AssetId("GEN-1")).hasSameHashCodeAs(new AssetId("GEN-1"));
        assertThat(AssetId.of("GEN-1")).isNotEqualTo(AssetId.of("gen-1"));
    }

    @Test
    void idsSortByTheirTextCharacterByCharacter() {
        // String order, not natural order: '1' < '2' decides "A10" < "A2"; upper case sorts before lower case
        List<AssetId> ids = new ArrayList<>(List.of(AssetId.of("a"), AssetId.of("B"), AssetId.of("A2"), AssetId.of("A10")));
        Collections.sort(ids);
        assertThat(ids).extracting(AssetId::value).containsExactly("A10", "A2", "B", "a");

        assertThat(BusId.of("B1")).isLessThan(BusId.of("B2"));
        assertThat(EndUserId.of("EU-2")).isGreaterThan(EndUserId.of("EU-10"));
        assertThat(EndUserId.of("EU-1").compareTo(EndUserId.of("EU-1"))).isZero();
    }
}
