package org.gridfleet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.problem.PlanningProblem;
import org.junit.jupiter.api.Test;

class RandomProblemsTest {
    private static final List<PlanningProblem> PROBLEMS = LongStream.rangeClosed(1, 50).mapToObj(RandomProblems::problem).toList();

    @Test
    void sameSeedGivesTheSameProblem() {
        assertThat(RandomProblems.problem(42)).isEqualTo(RandomProblems.problem(42));
        assertThat(RandomProblems.problem(42)).isNotEqualTo(RandomProblems.problem(43));
    }

    @Test
    void everyProblemHasAllNineDeviceTypesAndAllThreeCostForms() {
        for (PlanningProblem problem : PROBLEMS) {
            assertThat(problem.assets()).extracting(Asset::type).contains(DeviceType.values());
            Set<Class<?>> forms = new HashSet<>();
            problem.assets().stream().filter(Generator.class::isInstance).map(a -> ((Generator) a).costCurve().getClass()).forEach(forms::add);
            assertThat(forms).as(problem.name()).containsExactlyInAnyOrder(
                    CostCurve.Quadratic.class, CostCurve.PiecewiseLinear.class, CostCurve.FuelBased.class);
        }
    }

    @Test
    void sizesAreAsAsked() {
        PlanningProblem problem = RandomProblems.problem(3, 30, 48);

        assertThat(problem.assets()).hasSize(30);
        assertThat(problem.grid().intervals()).isEqualTo(48);
    }

    @Test
    void problemsVaryInConnectionMaintenanceAvailabilityAndSize() {
        assertThat(PROBLEMS).anyMatch(p -> p.gridConnection().islanded()).anyMatch(p -> !p.gridConnection().islanded());
        // maintenance shows as availability 0 in some intervals, partial availability as a share below 1
        assertThat(PROBLEMS).anyMatch(p -> p.assets().stream().anyMatch(a -> !a.info().maintenance().isEmpty()
                && p.availability().get(a.id()).min() == 0));
        assertThat(PROBLEMS).anyMatch(p -> p.assets().stream().anyMatch(a -> a.info().availability() < 1));
        assertThat(PROBLEMS).anyMatch(p -> p.reserve().fractionOfDemand() > 0);
        // deliberately undersized: generators together below the peak demand
        assertThat(PROBLEMS).anyMatch(p -> generatorKw(p) < p.demandKw().max()).anyMatch(p -> generatorKw(p) > 1.3 * p.demandKw().max());
    }

    private static double generatorKw(PlanningProblem problem) {
        return problem.assets().stream().filter(Generator.class::isInstance).mapToDouble(Asset::ratedPowerKw).sum();
    }
}
