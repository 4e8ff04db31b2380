package org.gridfleet.grid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain-text MATPOWER case format ({@code .m}): {@code mpc.baseMVA = 100;}, the matrices
 * {@code mpc.bus}, {@code mpc.gen} and {@code mpc.branch} as {@code [ ... ];} with rows separated by {@code ;}
 * or new lines and columns by blanks or commas, {@code %} comments, an optional {@code function mpc = name} line.
 * Other {@code mpc.} fields ({@code gencost}, {@code bus_name}, {@code version}, ...) are skipped. Any other MATLAB
 * statement is rejected: the reader does not execute code, so a case that converts its own units after the data
 * must be saved as plain data first (MATPOWER's {@code savecase}).
 */
public final class MatpowerReader {
    private static final Pattern FUNCTION = Pattern.compile("function\\s+(?:\\w+\\s*=\\s*)?(\\w+).*");
    private static final Pattern ASSIGN = Pattern.compile("mpc\\.(\\w+)\\s*=\\s*(.*)");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    static final String BUS_COLUMNS = "bus_i type Pd Qd Gs Bs area Vm Va baseKV zone Vmax Vmin";
    static final String GEN_COLUMNS = "bus Pg Qg Qmax Qmin Vg mBase status Pmax Pmin";
    static final String BRANCH_COLUMNS = "fbus tbus r x b rateA rateB rateC ratio angle status";

    private MatpowerReader() {}

    /** Reads a case file; the case is named after the file unless a {@code function} line names it. */
    public static MatpowerCase read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().replaceFirst("\\.m$", "");
        return parse(text, file.toString(), name);
    }

    /** Parses case text; {@code source} names it in error messages. */
    public static MatpowerCase parse(String text, String source, String defaultName) {
        return new Parser(text, source, defaultName).parse();
    }

    /** One matrix row with the line it starts on. */
    private record Row(double[] values, int line) {}

    private static final class Parser {
        private final String source;
        private final String[] lines;
        private String name;
        private Double baseMva;
        private final Map<String, List<Row>> matrices = new HashMap<>();
        private final Map<String, Integer> matrixLines = new HashMap<>();

        Parser(String text, String source, String defaultName) {
            this.source = source;
            this.lines = text.split("\\R", -1);
            this.name = defaultName;
        }

        private MatpowerFormatException error(int line, String message) {
            return new MatpowerFormatException(source, line, message);
        }

        MatpowerCase parse() {
            int i = 0;
            while (i < lines.length) {
                int lineNo = i + 1;
                String code = stripComment(lines[i]).trim();
                i++;
                if (code.isEmpty()) continue;
                Matcher f = FUNCTION.matcher(code);
                if (f.matches()) { name = f.group(1); continue; }
                Matcher a = ASSIGN.matcher(code);
                if (!a.matches()) {
                    throw error(lineNo, "unsupported statement '" + abbreviate(code) + "': only plain data is read "
                            + "(mpc.<field> = number; or mpc.<field> = [ rows ];). If the case computes values in "
                            + "MATLAB code, save it as plain data first (MATPOWER savecase)");
                }
                String field = a.group(1);
                String value = a.group(2).trim();
                if (value.startsWith("[")) {
                    i = readMatrix(field, value.substring(1), lineNo, i);
                } else if (value.startsWith("{")) {
                    i = skipCell(field, value, lineNo, i);
                } else if (field.equals("baseMVA")) {
                    String v = value.endsWith(";") ? value.substring(0, value.length() - 1).trim() : value;
                    baseMva = number(v, lineNo, "mpc.baseMVA");
                    if (!(baseMva > 0)) throw error(lineNo, "mpc.baseMVA must be > 0, found " + v);
                }
                // other scalar fields (version, ...) are not needed
            }
            return build();
        }

        /** Reads rows until ']' and returns the index of the next line to read. */
        private int readMatrix(String field, String rest, int startLine, int next) {
            if (matrices.containsKey(field)) {
                throw error(startLine, "mpc." + field + " is defined twice (first on line " + matrixLines.get(field) + ")");
            }
            List<Row> rows = new ArrayList<>();
            String current = rest;
            int lineNo = startLine;
            while (true) {
                String code = stripComment(current);
                int close = code.indexOf(']');
                String body = close >= 0 ? code.substring(0, close) : code;
                for (String rowText : body.split(";")) {
                    String t = rowText.trim();
                    if (t.isEmpty()) continue;
                    String[] tokens = t.split("[\\s,]+");
                    double[] values = new double[tokens.length];
                    for (int k = 0; k < tokens.length; k++) {
                        values[k] = number(tokens[k], lineNo, "mpc." + field + " column " + (k + 1));
                    }
                    rows.add(new Row(values, lineNo));
                }
                if (close >= 0) break;
                if (next >= lines.length) {
                    throw error(startLine, "mpc." + field + " = [ is never closed: add '];' after its last row");
                }
                current = lines[next];
                lineNo = next + 1;
                next++;
            }
            matrices.put(field, rows);
            matrixLines.put(field, startLine);
            return next;
        }

        private int skipCell(String field, String value, int startLine, int next) {
            String code = value;
            int lineNo = startLine;
            while (stripComment(code).indexOf('}') < 0) {
                if (next >= lines.length) {
                    throw error(startLine, "mpc." + field + " = { is never closed: add '};'");
                }
                code = lines[next];
                lineNo = next + 1;
                next++;
            }
            return lineNo;
        }

        private double number(String token, int line, String where) {
            if (!NUMBER.matcher(token).matches()) {
                throw error(line, where + ": '" + abbreviate(token) + "' is not a finite number"
                        + (token.equalsIgnoreCase("nan") || token.toLowerCase().startsWith("inf")
                        ? " (NaN and Inf are not allowed in a power-flow case)" : ""));
            }
            double v = Double.parseDouble(token);
            if (!Double.isFinite(v)) throw error(line, where + ": '" + token + "' is out of range");
            return v;
        }

        private List<Row> required(String field, int minColumns, String columns) {
            List<Row> rows = matrices.get(field);
            if (rows == null) {
                throw error(0, "no mpc." + field + " matrix: a MATPOWER case needs mpc." + field + " = [ ... ]; with columns "
                        + columns);
            }
            if (rows.isEmpty()) throw error(matrixLines.get(field), "mpc." + field + " has no rows");
            int width = rows.get(0).values().length;
            for (Row r : rows) {
                int n = r.values().length;
                if (n < minColumns) {
                    throw error(r.line(), "mpc." + field + " row has " + n + " columns, expected at least " + minColumns
                            + " (" + columns + ")");
                }
                if (n != width) {
                    throw error(r.line(), "mpc." + field + " row has " + n + " columns but the first row (line "
                            + rows.get(0).line() + ") has " + width + ": every row needs the same columns");
                }
            }
            return rows;
        }

        private MatpowerCase build() {
            if (baseMva == null) throw error(0, "no mpc.baseMVA: add for example 'mpc.baseMVA = 100;'");
            List<Row> busRows = required("bus", 13, BUS_COLUMNS);
            List<Row> genRows = required("gen", 10, GEN_COLUMNS);
            List<Row> branchRows = required("branch", 11, BRANCH_COLUMNS);

            List<MatpowerCase.Bus> buses = new ArrayList<>();
            Map<Integer, MatpowerCase.Bus> byNumber = new HashMap<>();
            for (Row r : busRows) {
                double[] v = r.values();
                int number = integer(v[0], r.line(), "mpc.bus bus_i");
                if (number <= 0) throw error(r.line(), "mpc.bus bus_i must be a positive integer, found " + v[0]);
                int typeCode = integer(v[1], r.line(), "mpc.bus type");
                MatpowerCase.BusType type = MatpowerCase.BusType.of(typeCode);
                if (type == null) {
                    throw error(r.line(), "bus " + number + ": type " + typeCode + " is not 1 (PQ), 2 (PV), 3 (ref) or 4 (isolated)");
                }
                if (v[9] < 0) throw error(r.line(), "bus " + number + ": baseKV must be >= 0, found " + v[9]);
                MatpowerCase.Bus bus = new MatpowerCase.Bus(number, type, v[2], v[3], v[4], v[5], v[7], v[8], v[9], r.line());
                MatpowerCase.Bus previous = byNumber.put(number, bus);
                if (previous != null) {
                    throw error(r.line(), "bus " + number + " is defined twice (first on line " + previous.line() + ")");
                }
                buses.add(bus);
            }
            if (buses.stream().noneMatch(b -> b.type() == MatpowerCase.BusType.REF)) {
                throw error(matrixLines.get("bus"), "no reference bus: give the slack bus type 3 in mpc.bus");
            }

            List<MatpowerCase.Gen> gens = new ArrayList<>();
            for (Row r : genRows) {
                double[] v = r.values();
                int bus = integer(v[0], r.line(), "mpc.gen bus");
                if (!byNumber.containsKey(bus)) {
                    throw error(r.line(), "generator at bus " + bus + ", which is not in mpc.bus");
                }
                if (v[4] > v[3]) throw error(r.line(), "generator at bus " + bus + ": Qmin " + v[4] + " > Qmax " + v[3]);
                gens.add(new MatpowerCase.Gen(bus, v[1], v[2], v[3], v[4], v[5], v[7] > 0, v[8], v[9], r.line()));
            }

            List<MatpowerCase.Branch> branches = new ArrayList<>();
            for (Row r : branchRows) {
                double[] v = r.values();
                int from = integer(v[0], r.line(), "mpc.branch fbus");
                int to = integer(v[1], r.line(), "mpc.branch tbus");
                for (int b : new int[] {from, to}) {
                    if (!byNumber.containsKey(b)) {
                        throw error(r.line(), "branch " + from + "-" + to + " connects bus " + b + ", which is not in mpc.bus");
                    }
                }
                if (from == to) throw error(r.line(), "branch " + from + "-" + to + " connects a bus to itself");
                if (v[2] == 0 && v[3] == 0) {
                    throw error(r.line(), "branch " + from + "-" + to + " has r = x = 0: give it a reactance");
                }
                branches.add(new MatpowerCase.Branch(from, to, v[2], v[3], v[4], v[5], v[8], v[9], v[10] > 0, r.line()));
            }
            return new MatpowerCase(name, baseMva, buses, gens, branches);
        }

        private int integer(double v, int line, String where) {
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw error(line, where + " must be an integer, found " + v);
            }
            return (int) v;
        }
    }

    /** Removes a {@code %} comment, ignoring {@code %} inside single-quoted strings. */
    static String stripComment(String line) {
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '\'') quoted = !quoted;
            else if (c == '%' && !quoted) return line.substring(0, k);
        }
        return line;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
