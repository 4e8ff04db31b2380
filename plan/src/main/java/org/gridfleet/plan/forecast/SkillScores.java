package org.gridfleet.plan.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well one forecaster did over a set of days ({@link ForecastSkill} defines each score).
 *
 * @param pinballKw  pinball loss averaged over intervals and levels, kW
 * @param mape       MAPE of the median, a fraction, over intervals with actuals at or above the quantity's floor
 * @param coverage90 share of actuals within the 5–95 % band (photovoltaic nights left out)
 * @param maeKw      mean absolute error of the median, kW
 * @param intervals  intervals scored
 */
public record SkillScores(double pinballKw, double mape, double coverage90, double maeKw, int intervals) {

    /**
     * Scores of {@code forecasts} against {@code actualsKw} (day by day), MAPE above {@code mapeFloorKw}. The
     * forecasts must share their levels, and these must include 0.05, 0.5 and 0.95.
     */
    public static SkillScores of(List<ProbabilisticForecast> forecasts, List<double[]> actualsKw, double mapeFloorKw) {
        if (forecasts.isEmpty() || forecasts.size() != actualsKw.size()) {
            throw new IllegalArgumentException(forecasts.size() + " forecasts for " + actualsKw.size() + " days of actuals");
        }
        double[] levels = forecasts.getFirst().levels();
        List<double[]> rows = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> median = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        for (ProbabilisticForecast f : forecasts) {
            if (!Arrays.equals(f.levels(), levels)) {
                throw new IllegalArgumentException("all forecasts must have the same levels: " + Arrays.toString(levels) + " and " + Arrays.toString(f.levels()));
            }
            rows.addAll(Arrays.asList(ForecastSkill.quantileRows(f)));
            addAll(lower, f.seriesAtKw(0.05));
            addAll(median, f.seriesAtKw(0.5));
            addAll(upper, f.seriesAtKw(0.95));
        }
        double[] actual = actualsKw.stream().flatMapToDouble(Arrays::stream).toArray();
        double[] mid = unbox(median);
        return new SkillScores(
                ForecastSkill.pinballLoss(levels, rows.toArray(double[][]::new), actual),
                ForecastSkill.mape(mid, actual, mapeFloorKw),
                ForecastSkill.coverage(unbox(lower), unbox(upper), actual),
                ForecastSkill.meanAbsoluteError(mid, actual),
                actual.length);
    }

    private static void addAll(List<Double> list, double[] values) {
        for (double v : values) {
            list.add(v);
        }
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
