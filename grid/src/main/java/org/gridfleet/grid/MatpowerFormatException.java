package org.gridfleet.grid;

/**
 * A MATPOWER case file that cannot be read: names the file, the 1-based line (0 when the problem is the file as a
 * whole) and what to change.
 */
public final class MatpowerFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    public MatpowerFormatException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** The file (or source name) being read. */
    public String file() { return file; }

    /** The 1-based line of the problem, or 0 for a problem with the file as a whole. */
    public int line() { return line; }
}
