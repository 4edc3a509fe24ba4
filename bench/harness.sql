-- Timing helpers shared by the benchmarks.
SET client_min_messages = warning;
CREATE SCHEMA bench;

-- Best wall-clock time of a statement over some runs, in milliseconds.
CREATE FUNCTION bench.time_ms(statement text, runs int DEFAULT 3) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
	started timestamptz;
	elapsed numeric;
	best numeric;
BEGIN
	FOR i IN 1..runs LOOP
		started := clock_timestamp();
		EXECUTE statement;
		elapsed := extract(epoch FROM clock_timestamp() - started) * 1000;
		best := least(best, elapsed);
	END LOOP;
	RETURN round(best, 1);
END $$;

-- One result line: what was compared, both timings, the ratio and the target.
CREATE TABLE bench.results (
	benchmark text, baseline text, baseline_ms numeric, cleanclaim_ms numeric,
	target_ratio numeric, recorded_at timestamptz DEFAULT clock_timestamp(),
	session integer DEFAULT pg_backend_pid()
);

-- The runs alternate (baseline, cleanclaim, baseline, ...) so that a slow
-- spell of the machine falls on both sides, and each side keeps its best.
CREATE PROCEDURE bench.compare(benchmark text, baseline text, baseline_sql text, cleanclaim_sql text,
							   target_ratio numeric, runs int DEFAULT 3)
LANGUAGE plpgsql AS $$
DECLARE
	baseline_best numeric;
	cleanclaim_best numeric;
BEGIN
	FOR i IN 1..runs LOOP
		baseline_best := least(baseline_best, bench.time_ms(baseline_sql, 1));
		cleanclaim_best := least(cleanclaim_best, bench.time_ms(cleanclaim_sql, 1));
	END LOOP;
	INSERT INTO bench.results (benchmark, baseline, baseline_ms, cleanclaim_ms, target_ratio)
	VALUES (benchmark, baseline, baseline_best, cleanclaim_best, target_ratio);
END $$;

-- The lines this session (one benchmark file) recorded, with ratio = baseline / cleanclaim.
CREATE FUNCTION bench.report() RETURNS TABLE (
	benchmark text, baseline text, baseline_ms numeric, cleanclaim_ms numeric, ratio numeric, target text, met text)
LANGUAGE sql AS $$
	SELECT benchmark, baseline, baseline_ms, cleanclaim_ms,
		   round(baseline_ms / nullif(cleanclaim_ms, 0), 2),
		   CASE WHEN target_ratio IS NULL THEN '' ELSE '>= ' || target_ratio END,
		   CASE WHEN target_ratio IS NULL THEN ''
				WHEN baseline_ms / nullif(cleanclaim_ms, 0) >= target_ratio THEN 'yes' ELSE 'NO' END
	FROM bench.results WHERE results.session = pg_backend_pid() ORDER BY recorded_at
$$;
