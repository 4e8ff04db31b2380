package org.gridfleet.store;

/** The database failed: it cannot be reached, or it refused a statement. Bad arguments throw {@link IllegalArgumentException} instead. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
