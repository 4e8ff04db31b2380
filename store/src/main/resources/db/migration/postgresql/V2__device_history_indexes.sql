-- PostgreSQL only (docs/store.md): one device's or end-user's history without reading every row of the time
-- range. PostgreSQL updates B-tree pages in place, so these cost little at 10,000 rows a second; H2 rewrites
-- every page an insert touches and would grow its file by 1.4 to 2.9 kB per row, so H2 reads the time range.
CREATE INDEX observations_device ON observations (device_id, observed_at);
CREATE INDEX meter_readings_end_user ON meter_readings (end_user_id, read_at);
