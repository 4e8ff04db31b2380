package org.gridfleet.ingest.formatter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridfleet.ingest.verifier.Gap;
import org.gridfleet.model.Profile;
import org.gridfleet.model.Sample;
import org.gridfleet.model.TimeGrid;

/**
 * Puts a series onto the planning grid. The series is first made a step function over the whole horizon: each
 * sample holds until the next sample or the next gap; gaps are filled (short: linear interpolation, holding the
 * nearest value at the edges; long: the given substitute). Each grid interval then gets the time-weighted mean
 * of that step function over the interval, so the energy of a power series is conserved exactly whatever the
 * series' own cadence.
 */
final class Resampler {
    /** Short gaps are interpolated in pieces this long (or the grid step, if shorter). */
    private static final Duration FILL_PIECE = Duration.ofMinutes(5);

    private Resampler() {}

    /** How a long gap is filled: a fixed value, or the nearest known value on either side. */
    sealed interface LongGapFill {
        record Constant(double value) implements LongGapFill {}

        record Nearest() implements LongGapFill {}
    }

    private record Segment(long fromMs, long toMs, double value) {}

    static Profile resample(List<Sample> samples, List<Gap> gaps, TimeGrid grid, LongGapFill longGapFill) {
        long start = grid.start().toEpochMilli();
        long end = grid.end().toEpochMilli();
        List<Gap> sortedGaps = gaps.stream().sorted(Comparator.comparing(Gap::from)).toList();
        List<Segment> segments = new ArrayList<>();

        int g = 0;
        for (int i = 0; i < samples.size(); i++) {
            long from = samples.get(i).time().toEpochMilli();
            long to = i + 1 < samples.size() ? samples.get(i + 1).time().toEpochMilli() : end;
            while (g < sortedGaps.size() && sortedGaps.get(g).from().toEpochMilli() <= from) {
                g++;
            }
            if (g < sortedGaps.size()) {
                to = Math.min(to, sortedGaps.get(g).from().toEpochMilli());
            }
            addClipped(segments, from, to, samples.get(i).value(), start, end);
        }
        for (Gap gap : sortedGaps) {
            fill(segments, gap, samples, grid, longGapFill);
        }
        return integrate(segments, grid);
    }

    private static void fill(List<Segment> segments, Gap gap, List<Sample> samples, TimeGrid grid, LongGapFill longGapFill) {
        long from = gap.from().toEpochMilli();
        long to = gap.to().toEpochMilli();
        Sample before = lastBefore(samples, gap.from());
        Sample after = firstFrom(samples, gap.to());
        if (before == null && after == null) {
            double value = longGapFill instanceof LongGapFill.Constant c ? c.value() : 0;
            segments.add(new Segment(from, to, value));
            return;
        }
        double left = before != null ? before.value() : after.value();
        double right = after != null ? after.value() : before.value();
        if (!gap.fillable()) {
            switch (longGapFill) {
                case LongGapFill.Constant c -> segments.add(new Segment(from, to, c.value()));
                case LongGapFill.Nearest n -> {
                    long middle = from + (to - from) / 2;
                    segments.add(new Segment(from, middle, left));
                    segments.add(new Segment(middle, to, right));
                }
            }
            return;
        }
        long piece = Math.min(FILL_PIECE.toMillis(), grid.step().toMillis());
        for (long a = from; a < to; a += piece) {
            long b = Math.min(to, a + piece);
            double share = ((a + b) / 2.0 - from) / (to - from);
            segments.add(new Segment(a, b, left + share * (right - left)));
        }
    }

    private static Sample lastBefore(List<Sample> samples, Instant time) {
        Sample found = null;
        for (Sample s : samples) {
            if (s.time().isBefore(time)) {
                found = s;
            } else {
                break;
            }
        }
        return found;
    }

    private static Sample firstFrom(List<Sample> samples, Instant time) {
        for (Sample s : samples) {
            if (!s.time().isBefore(time)) {
                return s;
            }
        }
        return null;
    }

    private static void addClipped(List<Segment> segments, long from, long to, double value, long start, long end) {
        long a = Math.max(from, start);
        long b = Math.min(to, end);
        if (b > a) {
            segments.add(new Segment(a, b, value));
        }
    }

    /** Time-weighted mean of the step function over each grid interval. */
    private static Profile integrate(List<Segment> segments, TimeGrid grid) {
        long start = grid.start().toEpochMilli();
        long step = grid.step().toMillis();
        double[] weighted = new double[grid.intervals()];
        for (Segment s : segments) {
            int first = (int) ((s.fromMs() - start) / step);
            int last = (int) Math.min(grid.intervals() - 1, (s.toMs() - 1 - start) / step);
            for (int k = first; k <= last; k++) {
                long a = Math.max(s.fromMs(), start + k * step);
                long b = Math.min(s.toMs(), start + (k + 1) * step);
                weighted[k] += s.value() * (b - a);
            }
        }
        for (int k = 0; k < weighted.length; k++) {
            weighted[k] /= step;
        }
        return Profile.of(weighted);
    }
}
