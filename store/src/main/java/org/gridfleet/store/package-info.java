/**
 * The store: everything the plant observes, rejects, plans, selects, sends and hears back, kept through plain JDBC in
 * an embedded H2 file (the default) or in PostgreSQL, with the schema migrated by Flyway (docs/store.md).
 *
 * <p>Times are UTC {@link java.time.Instant}s kept to the microsecond; power is in kW, positive from a device into
 * the grid.
 */
package org.gridfleet.store;
