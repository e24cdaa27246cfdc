CREATE TABLE "indicator_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"year" integer,
	"unit_id" integer,
	"rule" jsonb NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name_nb" text NOT NULL,
	"name_en" text,
	"definition" text DEFAULT '' NOT NULL,
	"unit_label" text NOT NULL,
	"direction" text NOT NULL,
	"value_kind" text NOT NULL,
	"scale" double precision DEFAULT 1 NOT NULL,
	"decimals" integer DEFAULT 0 NOT NULL,
	"data_source" text,
	"lag_months" integer DEFAULT 0 NOT NULL,
	"min_denominator" double precision,
	"evaluation_basis" text DEFAULT 'this_period' NOT NULL,
	"trend_mode" text DEFAULT 'relative' NOT NULL,
	"owner_unit_id" integer,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_decimals_range" CHECK ("indicators"."decimals" between 0 and 6),
	CONSTRAINT "indicators_lag_range" CHECK ("indicators"."lag_months" between 0 and 24),
	CONSTRAINT "indicators_scale_nonzero" CHECK ("indicators"."scale" <> 0)
);
--> statement-breakpoint
CREATE TABLE "measurement_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measurement_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"measurement_id" bigint NOT NULL,
	"old_numerator" double precision NOT NULL,
	"old_denominator" double precision,
	"old_recorded_at" timestamp with time zone NOT NULL,
	"old_recorded_by_name" text NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_by_id" integer,
	"replaced_by_name" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measurements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"month" date NOT NULL,
	"numerator" double precision NOT NULL,
	"denominator" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by_id" integer,
	"recorded_by_name" text NOT NULL,
	CONSTRAINT "measurements_first_of_month" CHECK (extract(day from "measurements"."month") = 1),
	CONSTRAINT "measurements_denominator_not_negative" CHECK ("measurements"."denominator" is null or "measurements"."denominator" >= 0)
);
--> statement-breakpoint
CREATE TABLE "published_scorecards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "published_scorecards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"extracted_at" timestamp with time zone NOT NULL,
	"snapshot" jsonb NOT NULL,
	"published_by_id" integer,
	"published_by_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_history" ADD CONSTRAINT "measurement_history_measurement_id_measurements_id_fk" FOREIGN KEY ("measurement_id") REFERENCES "public"."measurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_history" ADD CONSTRAINT "measurement_history_replaced_by_id_users_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_scorecards" ADD CONSTRAINT "published_scorecards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_scorecards" ADD CONSTRAINT "published_scorecards_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_unique" ON "indicator_targets" USING btree ("indicator_id",coalesce("year", 0),coalesce("unit_id", 0));--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_unique" ON "indicators" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "indicators_owner_idx" ON "indicators" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "measurement_history_measurement_idx" ON "measurement_history" USING btree ("measurement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_key_unique" ON "measurements" USING btree ("indicator_id","unit_id","month");--> statement-breakpoint
CREATE INDEX "measurements_unit_idx" ON "measurements" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "published_scorecards_unit_period_idx" ON "published_scorecards" USING btree ("unit_id","period");