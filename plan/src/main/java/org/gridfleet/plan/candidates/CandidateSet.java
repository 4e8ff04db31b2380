package org.gridfleet.plan.candidates;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The candidate plans of one planning run, in a stable order (the generators' order; merged plans where the first
 * of them stands).
 *
 * @param problem    the planning problem's name
 * @param hasNetwork whether the problem has a network: without one there are no network violations to count, with
 *                   one a plan that was not assessed has an unknown number of them (docs/selection.md)
 */
public record CandidateSet(String problem, boolean hasNetwork, List<Candidate> candidates) {
    public CandidateSet {
        requireNonNull(problem, "problem");
        candidates = List.copyOf(candidates);
        Set<String> names = new HashSet<>();
        for (Candidate c : candidates) {
            for (String name : c.names()) {
                if (!names.add(name)) {
                    throw new IllegalArgumentException("candidate name " + name + " appears twice");
                }
            }
        }
    }

    /** The candidate with this name, or one of whose merged names it is. */
    public Optional<Candidate> byName(String name) {
        return candidates.stream().filter(c -> c.name().equals(name) || c.names().contains(name)).findFirst();
    }

    /** The Pareto-efficient candidates, in order. */
    public List<Candidate> paretoEfficient() {
        return candidates.stream().filter(Candidate::pareto).toList();
    }
}
