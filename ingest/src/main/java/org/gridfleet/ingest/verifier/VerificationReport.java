package org.gridfleet.ingest.verifier;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.gridfleet.ingest.Rejection;

/** The verifier's answer: the verified data and every rejection and warning, in the order found. */
public record VerificationReport(VerifiedData data, List<Rejection> rejections) {
    public VerificationReport {
        requireNonNull(data, "data");
        rejections = List.copyOf(rejections);
    }

    public List<Rejection> errors() {
        return rejections.stream().filter(Rejection::isError).toList();
    }

    public List<Rejection> warnings() {
        return rejections.stream().filter(r -> !r.isError()).toList();
    }

    public boolean hasErrors() {
        return rejections.stream().anyMatch(Rejection::isError);
    }
}
