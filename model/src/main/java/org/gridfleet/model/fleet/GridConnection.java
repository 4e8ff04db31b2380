package org.gridfleet.model.fleet;

/**
 * How the plant meets the utility grid.
 *
 * @param maxImportKw most the plant may draw from the grid; 0 when islanded
 * @param maxExportKw most the plant may feed into the grid; 0 when islanded
 */
public record GridConnection(boolean islanded, double maxImportKw, double maxExportKw) {
    public static final GridConnection ISLANDED = new GridConnection(true, 0, 0);

    public GridConnection {
        if (!(maxImportKw >= 0) || !(maxExportKw >= 0)) {
            throw new IllegalArgumentException("import and export limits must be >= 0");
        }
        if (islanded && (maxImportKw > 0 || maxExportKw > 0)) {
            throw new IllegalArgumentException("an islanded plant can neither import nor export");
        }
    }

    public static GridConnection connected(double maxImportKw, double maxExportKw) {
        return new GridConnection(false, maxImportKw, maxExportKw);
    }
}
