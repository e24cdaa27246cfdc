DROP INDEX "measurements_unit_idx";--> statement-breakpoint
CREATE INDEX "measurements_unit_month_idx" ON "measurements" USING btree ("unit_id","month","indicator_id","numerator","denominator");