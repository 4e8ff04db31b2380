package org.gridfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {
    @Test
    void theDefaultIsAnH2FileUnderDataInPostgresMode() {
        StoreSettings settings = StoreSettings.defaults();

        assertThat(settings.kind()).isEqualTo(StoreSettings.Kind.H2);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:h2:file:" + Path.of("data/gridfleet").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void postgresTakesAUrlUserAndPasswordAndNeverShowsThePassword() {
        StoreSettings settings = StoreSettings.postgres("jdbc:postgresql://127.0.0.1:5432/gridfleet", "gridfleet", "s3cret");

        assertThat(settings.kind()).isEqualTo(StoreSettings.Kind.POSTGRESQL);
        assertThat(settings.toString()).contains("jdbc:postgresql://127.0.0.1:5432/gridfleet", "user=gridfleet", "password=***")
                .doesNotContain("s3cret");
    }

    @Test
    void otherDatabasesAndBadPathsAreRefused() {
        assertThatThrownBy(() -> new StoreSettings("jdbc:mysql://127.0.0.1/gridfleet", "u", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with jdbc:h2: or jdbc:postgresql:");
        assertThatThrownBy(() -> StoreSettings.postgres("jdbc:h2:mem:x", "u", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a jdbc:postgresql: URL");
        assertThatThrownBy(() -> StoreSettings.h2File(Path.of("data;MODE=Oracle")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot contain ';'");
        assertThatThrownBy(() -> new StoreSettings("jdbc:h2:mem:x", null, "")).isInstanceOf(NullPointerException.class).hasMessage("user");
    }

    @Test
    void freeTextIsCutToItsColumnWithoutSplittingACharacter() {
        assertThat(Store.fit("abc", 3)).isEqualTo("abc");
        assertThat(Store.fit("abcd", 3)).isEqualTo("ab…");
        assertThat(Store.fit("a\uD83D\uDE00bc", 3)).isEqualTo("a…");   // the emoji's two halves stay together or go together
        assertThat(Store.fit("a\u0000b", 10)).isEqualTo("a\uFFFDb");
    }
}
