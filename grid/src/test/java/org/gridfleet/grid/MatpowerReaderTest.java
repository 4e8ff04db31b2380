package org.gridfleet.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MatpowerReaderTest {

    private static final String GOOD = """
            function mpc = tiny
            % a two-bus case
            mpc.version = '2';
            mpc.baseMVA = 100;
            mpc.bus = [
                1 3 0 0 0 0 1 1 0 110 1 1.1 0.9;   % slack
                2 1 10, 5 0 0 1 1 0 110 1 1.1 0.9
            ];
            mpc.gen = [ 1 10 0 50 -50 1.02 100 1 100 0 ];
            mpc.branch = [
                1 2 0.01 0.1 0.02 0 0 0 0 0 1;
            ];
            mpc.gencost = [ 2 0 0 3 0 20 0 ];
            mpc.bus_name = { 'one'; 'two %' };
            """;

    @Test
    void readsScalarsMatricesCommentsAndRowsOnOneLine() {
        MatpowerCase mpc = MatpowerReader.parse(GOOD, "tiny.m", "x");
        assertThat(mpc.name()).isEqualTo("tiny");
        assertThat(mpc.baseMva()).isEqualTo(100);
        assertThat(mpc.buses()).hasSize(2);
        assertThat(mpc.buses().get(1).pdMw()).isEqualTo(10);
        assertThat(mpc.buses().get(1).qdMvar()).isEqualTo(5);
        assertThat(mpc.buses().get(1).line()).isEqualTo(7);
        assertThat(mpc.gens()).singleElement().satisfies(g -> assertThat(g.vgPu()).isEqualTo(1.02));
        assertThat(mpc.branches()).singleElement().satisfies(b -> {
            assertThat(b.xPu()).isEqualTo(0.1);
            assertThat(b.inService()).isTrue();
        });
    }

    @Test
    void readsTheMatpowerCaseFiles() throws Exception {
        MatpowerCase case14 = MatpowerReader.read(resource("case14.m"));
        assertThat(case14.buses()).hasSize(14);
        assertThat(case14.gens()).hasSize(5);
        assertThat(case14.branches()).hasSize(20);
        MatpowerCase case33 = MatpowerReader.read(resource("case33bw.m"));
        assertThat(case33.buses()).hasSize(33);
        assertThat(case33.branches()).hasSize(37);
        assertThat(case33.branches().stream().filter(MatpowerCase.Branch::inService)).hasSize(32);
    }

    @Test
    void missingMatrixNamesTheMatrix() {
        String text = GOOD.replaceAll("(?s)mpc.gen = \\[.*?\\];", "");
        assertThatThrownBy(() -> MatpowerReader.parse(text, "tiny.m", "x"))
                .isInstanceOfSatisfying(MatpowerFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("tiny.m");
                    assertThat(e.line()).isZero();
                })
                .hasMessageContaining("no mpc.gen matrix");
    }

    @Test
    void missingBaseMvaIsReported() {
        String text = GOOD.replace("mpc.baseMVA = 100;", "");
        assertThatThrownBy(() -> MatpowerReader.parse(text, "tiny.m", "x")).hasMessageContaining("no mpc.baseMVA");
    }

    @Test
    void wrongColumnCountNamesLineAndColumns() {
        String text = GOOD.replace("2 1 10, 5 0 0 1 1 0 110 1 1.1 0.9", "2 1 10 5 0 0 1 1 0 110 1 1.1");
        assertThatThrownBy(() -> MatpowerReader.parse(text, "tiny.m", "x"))
                .isInstanceOfSatisfying(MatpowerFormatException.class, e -> assertThat(e.line()).isEqualTo(7))
                .hasMessageContaining("tiny.m:7")
                .hasMessageContaining("12 columns, expected at least 13")
                .hasMessageContaining("baseKV");
    }

    @Test
    void rowsOfDifferentWidthAreRejected() {
        String text = GOOD.replace("2 1 10, 5 0 0 1 1 0 110 1 1.1 0.9", "2 1 10 5 0 0 1 1 0 110 1 1.1 0.9 0");
        assertThatThrownBy(() -> MatpowerReader.parse(text, "tiny.m", "x"))
                .hasMessageContaining("tiny.m:7").hasMessageContaining("same columns");
    }

    @Test
    void nonNumericCellNamesLineAndColumn() {
        String text = GOOD.replace("0.01 0.1 0.02", "0.01 x10 0.02");
        assertThatThrownBy(() -> MatpowerReader.parse(text, "tiny.m", "x"))
                .isInstanceOfSatisfying(MatpowerFormatException.class, e -> assertThat(e.line()).isEqualTo(11))
                .hasMessageContaining("mpc.branch column 4: 'x10' is not a finite number");
    }

    @Test
    void nanAndInfAreRejected() {
        assertThatThrownBy(() -> MatpowerReader.parse(GOOD.replace("2 1 10, 5", "2 1 NaN 5"), "tiny.m", "x"))
                .hasMessageContaining("tiny.m:7").hasMessageContaining("NaN and Inf are not allowed");
        assertThatThrownBy(() -> MatpowerReader.parse(GOOD.replace("1 10 0 50 -50", "1 10 0 Inf -50"), "tiny.m", "x"))
                .hasMessageContaining("tiny.m:9").hasMessageContaining("'Inf' is not a finite number");
    }

    @Test
    void branchToUnknownBusIsRejected() {
        String text = GOOD.replace("1 2 0.01 0.1", "1 7 0.01 0.1");
        assertThatThrownBy(() -> MatpowerReader.parse(text, "tiny.m", "x"))
                .isInstanceOfSatisfying(MatpowerFormatException.class, e -> assertThat(e.line()).isEqualTo(11))
                .hasMessageContaining("branch 1-7 connects bus 7, which is not in mpc.bus");
    }

    @Test
    void generatorAtUnknownBusIsRejected() {
        String text = GOOD.replace("mpc.gen = [ 1 10", "mpc.gen = [ 3 10");
        assertThatThrownBy(() -> MatpowerReader.parse(text, "tiny.m", "x"))
                .hasMessageContaining("tiny.m:9").hasMessageContaining("generator at bus 3, which is not in mpc.bus");
    }

    @Test
    void matlabCodeIsRejectedWithAHint() {
        String text = GOOD + "mpc.branch(:, 3) = mpc.branch(:, 3) / 16;\n";
        assertThatThrownBy(() -> MatpowerReader.parse(text, "tiny.m", "x"))
                .hasMessageContaining("tiny.m:15").hasMessageContaining("unsupported statement")
                .hasMessageContaining("savecase");
    }

    @Test
    void unclosedMatrixIsReported() {
        String text = "mpc.baseMVA = 100;\nmpc.bus = [\n 1 3 0 0 0 0 1 1 0 110 1 1.1 0.9;\n";
        assertThatThrownBy(() -> MatpowerReader.parse(text, "open.m", "x"))
                .hasMessageContaining("open.m:2").hasMessageContaining("never closed");
    }

    /** A published case from the repository's examples/networks (tests run in the module's folder). */
    static Path resource(String name) {
        Path path = Path.of("..", "examples", "networks", name);
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new IllegalStateException("no " + path.toAbsolutePath() + ": run the tests from the grid module's folder");
        }
        return path;
    }
}
