package org.gridfleet.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GridConnectionTest {

    @Test
    void islandedPlantWithImportLimitIsRejected() {
        assertThatThrownBy(() -> new GridConnection(true, 100, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("islanded");
    }

    @Test
    void islandedPlantWithExportLimitIsRejected() {
        assertThatThrownBy(() -> new GridConnection(true, 0, 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void islandedConstantNeitherImportsNorExports() {
        assertThat(GridConnection.ISLANDED.islanded()).isTrue();
        assertThat(GridConnection.ISLANDED.maxImportKw()).isZero();
        assertThat(GridConnection.ISLANDED.maxExportKw()).isZero();
        assertThat(new GridConnection(true, 0, 0)).isEqualTo(GridConnection.ISLANDED);
    }

    @Test
    void connectedPlantKeepsItsLimits() {
        GridConnection c = GridConnection.connected(500, 300);

        assertThat(c.islanded()).isFalse();
        assertThat(c.maxImportKw()).isEqualTo(500);
        assertThat(c.maxExportKw()).isEqualTo(300);
    }

    @Test
    void negativeLimitsAreRejected() {
        assertThatThrownBy(() -> GridConnection.connected(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GridConnection.connected(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
