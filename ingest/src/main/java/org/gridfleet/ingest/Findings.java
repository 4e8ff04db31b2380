package org.gridfleet.ingest;

import java.util.ArrayList;
import java.util.List;

/** Collects rejections while a stage works through its input, so every problem is reported in one pass. */
public final class Findings {
    private final List<Rejection> all = new ArrayList<>();
    private int errors;

    public void error(Rule rule, String file, String where, String message) {
        all.add(new Rejection(Rejection.Severity.ERROR, rule, file, where, message));
        errors++;
    }

    public void warning(Rule rule, String file, String where, String message) {
        all.add(new Rejection(Rejection.Severity.WARNING, rule, file, where, message));
    }

    public void addAll(List<Rejection> rejections) {
        all.addAll(rejections);
        errors += (int) rejections.stream().filter(Rejection::isError).count();
    }

    /** Errors so far; compare before and after reading a record to see whether it was clean. */
    public int errorCount() {
        return errors;
    }

    public List<Rejection> list() {
        return List.copyOf(all);
    }
}
