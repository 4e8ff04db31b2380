-- Issue 7: reactive power, kvar, positive delivered to the grid (over-excited), as docs/comm-protocol.md sends it.
-- Both nullable: rows written before this migration, and devices or commands without reactive power, keep NULL.
-- Version 3 on both databases: H2 skips 2, which is PostgreSQL's indexes only.
ALTER TABLE observations ADD COLUMN kvar DOUBLE PRECISION;          -- measured reactive power; NULL when not reported
ALTER TABLE commands ADD COLUMN setpoint_kvar DOUBLE PRECISION;     -- reactive set point; NULL when only kW was commanded
