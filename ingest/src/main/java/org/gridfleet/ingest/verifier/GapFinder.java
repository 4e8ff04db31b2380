package org.gridfleet.ingest.verifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.Sample;
import org.gridfleet.model.TimeGrid;

/**
 * Finds the spans of the horizon a series has no values for. A sample covers from its time until the next
 * sample, but at most one cadence of its table: a longer silence is a gap.
 */
final class GapFinder {
    /** Silences shorter than this are clock jitter in the time stamps, not missing data. */
    static final Duration MIN_GAP = Duration.ofSeconds(1);

    private GapFinder() {}

    static List<Gap> find(SeriesKey key, List<Sample> samples, Duration cadence, TimeGrid horizon, Duration maxFill) {
        List<Gap> gaps = new ArrayList<>();
        Instant cursor = horizon.start();
        Instant end = horizon.end();
        for (int i = 0; i < samples.size() && cursor.isBefore(end); i++) {
            Instant from = samples.get(i).time();
            Instant until = from.plus(cadence);
            if (i + 1 < samples.size() && samples.get(i + 1).time().isBefore(until)) {
                until = samples.get(i + 1).time();
            }
            if (!until.isAfter(cursor)) {
                continue;
            }
            if (!Duration.between(cursor, from).minus(MIN_GAP).isNegative()) {
                Instant gapEnd = from.isBefore(end) ? from : end;
                gaps.add(new Gap(key, cursor, gapEnd, !Duration.between(cursor, gapEnd).minus(maxFill).isPositive()));
            }
            cursor = until;
        }
        if (!Duration.between(cursor, end).minus(MIN_GAP).isNegative()) {
            gaps.add(new Gap(key, cursor, end, !Duration.between(cursor, end).minus(maxFill).isPositive()));
        }
        return gaps;
    }
}
