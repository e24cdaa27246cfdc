CREATE TABLE "measure_links" (
	"measure_id" integer NOT NULL,
	"kind" text NOT NULL,
	"target_id" integer NOT NULL,
	CONSTRAINT "measure_links_measure_id_kind_target_id_pk" PRIMARY KEY("measure_id","kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "measure_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measure_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"measure_id" integer NOT NULL,
	"period" text NOT NULL,
	"on" date NOT NULL,
	"phase" text NOT NULL,
	"status" text,
	"text" text NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"responsible_unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_user_id" integer,
	"owner_role" text DEFAULT '' NOT NULL,
	"phase" text NOT NULL,
	"status" text,
	"start" date,
	"deadline" date,
	"expected_effect" text DEFAULT '' NOT NULL,
	"effect_indicator_id" integer,
	"effect_target" double precision,
	"full_effect_date" date,
	"comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_deadline_after_start" CHECK ("measures"."start" is null or "measures"."deadline" is null or "measures"."deadline" >= "measures"."start")
);
--> statement-breakpoint
CREATE TABLE "risk_assessment_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "risk_assessment_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"assessment_id" integer NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"level" text,
	"likelihood" integer,
	"consequence" integer,
	"residual_level" text,
	"residual_likelihood" integer,
	"residual_consequence" integer,
	"justification" text NOT NULL,
	"state" text NOT NULL,
	"comment" text,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "risk_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"requirement_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"level" text,
	"likelihood" integer,
	"consequence" integer,
	"residual_level" text,
	"residual_likelihood" integer,
	"residual_consequence" integer,
	"justification" text DEFAULT '' NOT NULL,
	"previous_id" integer,
	"carried_forward" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"return_comment" text,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_scales" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_risk_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_risk_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_risk_id" integer NOT NULL,
	"period" text NOT NULL,
	"level" text,
	"likelihood" integer,
	"consequence" integer,
	"residual_level" text,
	"residual_likelihood" integer,
	"residual_consequence" integer,
	"justification" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_risks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_risks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"area" text NOT NULL,
	"title" text NOT NULL,
	"likely_events" text DEFAULT '' NOT NULL,
	"consequences" text DEFAULT '' NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"horizon" text NOT NULL,
	"rank" integer NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_risks_rank_range" CHECK ("unit_risks"."rank" between 1 and 99)
);
--> statement-breakpoint
ALTER TABLE "measure_links" ADD CONSTRAINT "measure_links_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_log" ADD CONSTRAINT "measure_log_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_log" ADD CONSTRAINT "measure_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_effect_indicator_id_indicators_id_fk" FOREIGN KEY ("effect_indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_versions" ADD CONSTRAINT "risk_assessment_versions_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_versions" ADD CONSTRAINT "risk_assessment_versions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_previous_id_risk_assessments_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."risk_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scales" ADD CONSTRAINT "risk_scales_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_risk_assessments" ADD CONSTRAINT "unit_risk_assessments_unit_risk_id_unit_risks_id_fk" FOREIGN KEY ("unit_risk_id") REFERENCES "public"."unit_risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_risks" ADD CONSTRAINT "unit_risks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_links_target_idx" ON "measure_links" USING btree ("kind","target_id");--> statement-breakpoint
CREATE INDEX "measure_log_measure_idx" ON "measure_log" USING btree ("measure_id","on");--> statement-breakpoint
CREATE INDEX "measures_unit_idx" ON "measures" USING btree ("responsible_unit_id");--> statement-breakpoint
CREATE INDEX "measures_owner_idx" ON "measures" USING btree ("owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_assessment_versions_assessment_version_unique" ON "risk_assessment_versions" USING btree ("assessment_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_assessments_round_requirement_unit_unique" ON "risk_assessments" USING btree ("round_id","requirement_id","unit_id");--> statement-breakpoint
CREATE INDEX "risk_assessments_unit_idx" ON "risk_assessments" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "risk_assessments_requirement_idx" ON "risk_assessments" USING btree ("requirement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_risk_assessments_risk_period_unique" ON "unit_risk_assessments" USING btree ("unit_risk_id","period");--> statement-breakpoint
CREATE INDEX "unit_risks_unit_idx" ON "unit_risks" USING btree ("unit_id");