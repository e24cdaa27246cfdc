CREATE TABLE "measurement_totals" (
	"unit_id" integer NOT NULL,
	"month" date NOT NULL,
	"indicator_id" integer NOT NULL,
	"numerator" numeric NOT NULL,
	"denominator" numeric,
	"reports" integer NOT NULL,
	"children" jsonb NOT NULL,
	"child_ids" integer[] NOT NULL,
	-- The figures ride in the key's index (INCLUDE, which Drizzle cannot express), so a scorecard
	-- reads them without visiting the table.
	CONSTRAINT "measurement_totals_unit_id_indicator_id_month_pk" PRIMARY KEY("unit_id","indicator_id","month") INCLUDE ("numerator","denominator","child_ids")
);
--> statement-breakpoint
DROP INDEX "measurements_unit_month_idx";--> statement-breakpoint
CREATE INDEX "measurement_totals_empty_idx" ON "measurement_totals" USING btree ("unit_id") WHERE "measurement_totals"."reports" = 0;--> statement-breakpoint
-- Every read of measurements goes through its key (indicator, unit, months); with the figures as
-- INCLUDE columns those reads never visit the table. (Drizzle cannot express INCLUDE, so the
-- schema file declares the plain key.)
DROP INDEX "measurements_key_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_key_unique" ON "measurements" USING btree ("indicator_id","unit_id","month") INCLUDE ("numerator","denominator");--> statement-breakpoint
-- Adds two children maps ({"child id": measurements}), dropping children that reach zero.
CREATE FUNCTION measurement_totals_merge(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
  FROM (
    SELECT key, sum(value::int) AS total
    FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) AS entries
    GROUP BY key
  ) AS summed
  WHERE total <> 0
$$;--> statement-breakpoint
CREATE FUNCTION measurement_totals_keys(children jsonb) RETURNS int[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(key::int ORDER BY key::int), '{}') FROM jsonb_object_keys(children) AS key
$$;--> statement-breakpoint
-- The statement that adds a set of changes to the totals. `changes` is a query giving, for each
-- measurement added (+1) or taken away (-1), the path of its unit and its signed figures:
-- (path, indicator_id, month, numerator, denominator, reports). Each change counts for every unit
-- above its own in the path, under the child of that unit the path goes through. Returned as text
-- because the triggers must run it themselves: only they see their transition tables.
CREATE FUNCTION measurement_totals_apply_sql(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($statement$
    INSERT INTO measurement_totals AS t
      (unit_id, month, indicator_id, numerator, denominator, reports, children, child_ids)
    SELECT unit_id, month, indicator_id, sum(numerator), sum(denominator), sum(reports),
           coalesce(jsonb_object_agg(child_id::text, reports) FILTER (WHERE reports <> 0), '{}'),
           coalesce(array_agg(child_id ORDER BY child_id) FILTER (WHERE reports <> 0), '{}')
    FROM (
      SELECT p.ids[i] AS unit_id, p.ids[i + 1] AS child_id, c.month, c.indicator_id,
             sum(c.numerator) AS numerator, sum(c.denominator) AS denominator,
             sum(c.reports)::int AS reports
      FROM (%s) AS c(path, indicator_id, month, numerator, denominator, reports)
      CROSS JOIN LATERAL (SELECT string_to_array(trim(both '/' from c.path), '/')::int[] AS ids) AS p
      CROSS JOIN LATERAL generate_series(1, cardinality(p.ids) - 1) AS i
      GROUP BY 1, 2, 3, 4
    ) AS per_child
    GROUP BY unit_id, month, indicator_id
    -- Changes that cancel out (a unit moved within the same parent's subtree) write nothing.
    HAVING sum(numerator) <> 0 OR coalesce(sum(denominator), 0) <> 0 OR bool_or(reports <> 0)
    ON CONFLICT (unit_id, indicator_id, month) DO UPDATE SET
      numerator = t.numerator + excluded.numerator,
      denominator = CASE WHEN t.denominator IS NULL AND excluded.denominator IS NULL THEN NULL
                         ELSE coalesce(t.denominator, 0) + coalesce(excluded.denominator, 0) END,
      reports = t.reports + excluded.reports,
      children = measurement_totals_merge(t.children, excluded.children),
      child_ids = measurement_totals_keys(measurement_totals_merge(t.children, excluded.children))
  $statement$, changes)
$$;--> statement-breakpoint
CREATE FUNCTION measurement_totals_on_measurements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added text := 'SELECT u.path, r.indicator_id, r.month, r.numerator::numeric, r.denominator::numeric, 1
                 FROM new_rows r JOIN units u ON u.id = r.unit_id';
  removed text := 'SELECT u.path, r.indicator_id, r.month, -r.numerator::numeric, -r.denominator::numeric, -1
                   FROM old_rows r JOIN units u ON u.id = r.unit_id';
BEGIN
  -- Writers of measurements and moves of units take turns, until they commit (see the units trigger).
  PERFORM pg_advisory_xact_lock(7271302);
  EXECUTE measurement_totals_apply_sql(CASE TG_OP
    WHEN 'INSERT' THEN added
    WHEN 'DELETE' THEN removed
    ELSE added || ' UNION ALL ' || removed END);
  DELETE FROM measurement_totals WHERE reports = 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A move rewrites the paths of a whole subtree: each unit's measurements leave the totals of the
-- units above its old place and join those above its new one.
CREATE FUNCTION measurement_totals_on_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.path <> o.path) THEN
    RETURN NULL;
  END IF;
  -- Totals change by differences, so two transactions must not work on them at once: a measurement
  -- written while its unit moves would be counted under the old place (each sees the other's rows
  -- only once committed), and two imports would deadlock on the totals of the units above them.
  -- The lock lasts until commit, and each statement after it sees what the other committed.
  PERFORM pg_advisory_xact_lock(7271302);
  EXECUTE measurement_totals_apply_sql($changes$
    SELECT moved.path, m.indicator_id, m.month, moved.sign * m.numerator::numeric,
           moved.sign * m.denominator::numeric, moved.sign
    FROM (
      SELECT n.id, n.path, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.path <> o.path
      UNION ALL
      SELECT o.id, o.path, -1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.path <> o.path
    ) AS moved
    -- Measurements are indexed by indicator first: one range per indicator and unit.
    CROSS JOIN indicators i
    JOIN measurements m ON m.indicator_id = i.id AND m.unit_id = moved.id
  $changes$);
  DELETE FROM measurement_totals WHERE reports = 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER measurement_totals_after_insert AFTER INSERT ON measurements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measurement_totals_on_measurements();--> statement-breakpoint
CREATE TRIGGER measurement_totals_after_update AFTER UPDATE ON measurements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measurement_totals_on_measurements();--> statement-breakpoint
CREATE TRIGGER measurement_totals_after_delete AFTER DELETE ON measurements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION measurement_totals_on_measurements();--> statement-breakpoint
CREATE TRIGGER measurement_totals_after_unit_update AFTER UPDATE ON units
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measurement_totals_on_units();--> statement-breakpoint
-- Makes every total again from the measurements, a level of the tree at a time from the bottom:
-- a unit's totals are its children's own measurements plus their totals. A child's own figure and
-- its total for the same key are joined first, so the big grouping is per parent, not per child.
-- For after a bulk load that bypassed the triggers, or to check the totals.
CREATE FUNCTION rebuild_measurement_totals() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  level int;
BEGIN
  -- Whole-table sums: memory for the hash tables (for this transaction only) saves spilling to disk.
  PERFORM set_config('work_mem', '256MB', true);
  TRUNCATE measurement_totals;
  FOR level IN
    SELECT DISTINCT cardinality(string_to_array(trim(both '/' from path), '/')) FROM units
    WHERE parent_id IS NOT NULL ORDER BY 1 DESC
  LOOP
    INSERT INTO measurement_totals (unit_id, month, indicator_id, numerator, denominator, reports, children, child_ids)
    SELECT c.parent_id, x.month, x.indicator_id, sum(x.numerator), sum(x.denominator), sum(x.reports),
           jsonb_object_agg(c.id::text, x.reports), array_agg(c.id ORDER BY c.id)
    FROM (
      SELECT coalesce(m.unit_id, t.unit_id) AS unit_id, coalesce(m.month, t.month) AS month,
             coalesce(m.indicator_id, t.indicator_id) AS indicator_id,
             coalesce(m.numerator::numeric, 0) + coalesce(t.numerator, 0) AS numerator,
             CASE WHEN m.denominator IS NULL AND t.denominator IS NULL THEN NULL
                  ELSE coalesce(m.denominator::numeric, 0) + coalesce(t.denominator, 0) END AS denominator,
             (m.unit_id IS NOT NULL)::int + coalesce(t.reports, 0) AS reports
      FROM (
        SELECT m.unit_id, m.month, m.indicator_id, m.numerator, m.denominator
        FROM measurements m JOIN units c ON c.id = m.unit_id
        WHERE cardinality(string_to_array(trim(both '/' from c.path), '/')) = level
      ) AS m
      FULL JOIN (
        SELECT t.unit_id, t.month, t.indicator_id, t.numerator, t.denominator, t.reports
        FROM measurement_totals t JOIN units c ON c.id = t.unit_id
        WHERE cardinality(string_to_array(trim(both '/' from c.path), '/')) = level
      ) AS t ON t.unit_id = m.unit_id AND t.month = m.month AND t.indicator_id = m.indicator_id
    ) AS x
    JOIN units c ON c.id = x.unit_id
    GROUP BY c.parent_id, x.month, x.indicator_id;
  END LOOP;
END
$$;--> statement-breakpoint
SELECT rebuild_measurement_totals();
