package org.gridfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded H2 file database, the default; each test gets a new file. */
class H2StoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    StoreSettings settings() {
        return StoreSettings.h2File(dir.resolve("data").resolve("gridfleet"));
    }

    @Override
    String databaseName() {
        return "H2 " + org.h2.engine.Constants.VERSION + " (file)";
    }

    @Override
    List<String> migrationVersions() {
        return List.of("1", "3");
    }

    @Override
    long storedBytes() {
        try {
            return Files.size(dir.resolve("data/gridfleet.mv.db"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theDatabaseFileAndItsDirectoryAreCreatedOnFirstUse() {
        assertThat(dir.resolve("data/gridfleet.mv.db")).isRegularFile();
    }

    @Test
    void anotherFileIsAnotherStore() throws Exception {
        savePlanA();
        Path other = Files.createDirectories(dir.resolve("other"));

        try (Store second = Store.open(StoreSettings.h2File(other.resolve("gridfleet")))) {
            assertThat(second.plans()).isEmpty();
        }
        assertThat(store.plans()).hasSize(1);
    }
}
