package org.gridfleet.comm.protocol;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * The result of reading something from the network: the value, or why it was refused. Decoding never throws
 * for bad input, so nothing a peer sends can break the network thread.
 */
public sealed interface Decoded<T> {
    /** A well-formed, consistent message. */
    record Ok<T>(T value) implements Decoded<T> {
        public Ok {
            requireNonNull(value, "value");
        }
    }

    /** A refused message and the reason. */
    record Rejected<T>(Rejection rejection) implements Decoded<T> {
        public Rejected {
            requireNonNull(rejection, "rejection");
        }
    }

    static <T> Decoded<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Decoded<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    /** Applies {@code next} to an accepted value; passes a rejection on unchanged. */
    default <R> Decoded<R> then(Function<? super T, Decoded<R>> next) {
        return switch (this) {
            case Ok<T> ok -> next.apply(ok.value());
            case Rejected<T> rejected -> new Rejected<>(rejected.rejection());
        };
    }
}
