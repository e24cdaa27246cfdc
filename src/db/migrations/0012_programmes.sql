CREATE TABLE "gate_decisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gate_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"gate_id" integer NOT NULL,
	"decision" text NOT NULL,
	"decided_on" date NOT NULL,
	"decision_text" text NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_gates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_gates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"to_phase" integer NOT NULL,
	"name" text NOT NULL,
	"criteria" text DEFAULT '' NOT NULL,
	"requested_at" timestamp with time zone,
	"requested_by" integer,
	"request_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_group_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_group_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"group_id" integer NOT NULL,
	"name" text NOT NULL,
	"user_id" integer,
	"unit_id" integer,
	"role" text DEFAULT 'member' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_groups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"mandate" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_phases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_phases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"actual_start" date,
	"actual_end" date,
	"main_activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_phases_number_range" CHECK ("programme_phases"."number" between 0 and 20),
	CONSTRAINT "programme_phases_planned_range" CHECK ("programme_phases"."planned_end" >= "programme_phases"."planned_start")
);
--> statement-breakpoint
CREATE TABLE "programme_resources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_resources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"phase_number" integer,
	"planned_months" double precision DEFAULT 0 NOT NULL,
	"used_months" double precision DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_resources_range" CHECK ("programme_resources"."planned_months" >= 0 and "programme_resources"."used_months" >= 0)
);
--> statement-breakpoint
CREATE TABLE "programme_stakeholders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_stakeholders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"name" text NOT NULL,
	"interest" text DEFAULT '' NOT NULL,
	"interest_level" text DEFAULT 'medium' NOT NULL,
	"influence" text DEFAULT 'medium' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_training" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_training_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"audience" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_training_range" CHECK ("programme_training"."starts_on" is null or "programme_training"."ends_on" is null or "programme_training"."ends_on" >= "programme_training"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_unit_id" integer NOT NULL,
	"kind" text DEFAULT 'programme' NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"sponsor_name" text DEFAULT '' NOT NULL,
	"manager_name" text DEFAULT '' NOT NULL,
	"manager_user_id" integer,
	"approver_title" text DEFAULT '' NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stakeholder_activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stakeholder_activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"stakeholder_id" integer NOT NULL,
	"title" text NOT NULL,
	"on" date,
	"status" text DEFAULT 'planned' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "status_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"period" text NOT NULL,
	"period_end" date NOT NULL,
	"scope_colour" text,
	"scope_text" text DEFAULT '' NOT NULL,
	"time_colour" text,
	"time_text" text DEFAULT '' NOT NULL,
	"cost_colour" text,
	"cost_text" text DEFAULT '' NOT NULL,
	"benefits_colour" text,
	"benefits_text" text DEFAULT '' NOT NULL,
	"risk_colour" text,
	"risk_text" text DEFAULT '' NOT NULL,
	"overall_colour" text,
	"overall_text" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"approved_at" timestamp with time zone,
	"approved_by" integer,
	"return_comment" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plan_key_indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "action_plan_key_indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sub_goal_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"indicator_id" integer,
	"due_on" date,
	"milestone_done" integer,
	"milestone_value" double precision,
	"milestone_target" double precision,
	"milestone_unit" text DEFAULT '' NOT NULL,
	"milestone_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plan_key_indicators_kind" CHECK (("action_plan_key_indicators"."kind" = 'indicator') = ("action_plan_key_indicators"."indicator_id" is not null)),
	CONSTRAINT "action_plan_key_indicators_done" CHECK ("action_plan_key_indicators"."milestone_done" is null or "action_plan_key_indicators"."milestone_done" in (0, 1))
);
--> statement-breakpoint
CREATE TABLE "action_plan_measures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "action_plan_measures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"sub_goal_id" integer,
	"measure_id" integer NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"priority" integer NOT NULL,
	"years" jsonb NOT NULL,
	"resource" text DEFAULT '' NOT NULL,
	"responsibility" text NOT NULL,
	"responsible_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plan_measures_priority" CHECK ("action_plan_measures"."priority" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "action_plan_sub_goals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "action_plan_sub_goals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "action_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_unit_id" integer NOT NULL,
	"series_id" integer,
	"version_number" integer DEFAULT 1 NOT NULL,
	"previous_version_id" integer,
	"revised_in_year" integer,
	"title" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"main_goal" text DEFAULT '' NOT NULL,
	"board_cases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"adopted_on" date,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plans_years" CHECK ("action_plans"."to_year" >= "action_plans"."from_year" and "action_plans"."from_year" between 1900 and 2999 and "action_plans"."to_year" - "action_plans"."from_year" < 20)
);
--> statement-breakpoint
CREATE TABLE "benefit_costs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "benefit_costs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer,
	"action_plan_id" integer,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"planned_nok" double precision DEFAULT 0 NOT NULL,
	"actual_nok" double precision,
	"text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benefit_costs_one_owner" CHECK (("benefit_costs"."programme_id" is null) <> ("benefit_costs"."action_plan_id" is null)),
	CONSTRAINT "benefit_costs_year" CHECK ("benefit_costs"."year" between 1900 and 2999)
);
--> statement-breakpoint
CREATE TABLE "benefit_readings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "benefit_readings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"benefit_id" integer NOT NULL,
	"on" date NOT NULL,
	"value" double precision NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "benefits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer,
	"action_plan_id" integer,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_unit_id" integer,
	"owner_user_id" integer,
	"measure_unit" text DEFAULT '' NOT NULL,
	"baseline_value" double precision,
	"baseline_text" text DEFAULT '' NOT NULL,
	"baseline_date" date NOT NULL,
	"target_value" double precision,
	"target_text" text DEFAULT '' NOT NULL,
	"target_date" date NOT NULL,
	"indicator_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benefits_one_owner" CHECK (("benefits"."programme_id" is null) <> ("benefits"."action_plan_id" is null)),
	CONSTRAINT "benefits_target_after_baseline" CHECK ("benefits"."target_date" > "benefits"."baseline_date"),
	CONSTRAINT "benefits_numbers" CHECK ("benefits"."kind" = 'qualitative' or ("benefits"."baseline_value" is not null and "benefits"."target_value" is not null))
);
--> statement-breakpoint
DROP INDEX "unit_risks_open_rank_unique";--> statement-breakpoint
ALTER TABLE "unit_risks" ADD COLUMN "programme_id" integer;--> statement-breakpoint
ALTER TABLE "gate_decisions" ADD CONSTRAINT "gate_decisions_gate_id_programme_gates_id_fk" FOREIGN KEY ("gate_id") REFERENCES "public"."programme_gates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_decisions" ADD CONSTRAINT "gate_decisions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_gates" ADD CONSTRAINT "programme_gates_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_gates" ADD CONSTRAINT "programme_gates_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_group_members" ADD CONSTRAINT "programme_group_members_group_id_programme_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."programme_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_group_members" ADD CONSTRAINT "programme_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_group_members" ADD CONSTRAINT "programme_group_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_groups" ADD CONSTRAINT "programme_groups_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_phases" ADD CONSTRAINT "programme_phases_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_resources" ADD CONSTRAINT "programme_resources_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_resources" ADD CONSTRAINT "programme_resources_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_stakeholders" ADD CONSTRAINT "programme_stakeholders_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_training" ADD CONSTRAINT "programme_training_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_manager_user_id_users_id_fk" FOREIGN KEY ("manager_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_activities" ADD CONSTRAINT "stakeholder_activities_stakeholder_id_programme_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."programme_stakeholders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_key_indicators" ADD CONSTRAINT "action_plan_key_indicators_sub_goal_id_action_plan_sub_goals_id_fk" FOREIGN KEY ("sub_goal_id") REFERENCES "public"."action_plan_sub_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_key_indicators" ADD CONSTRAINT "action_plan_key_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_measures" ADD CONSTRAINT "action_plan_measures_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_measures" ADD CONSTRAINT "action_plan_measures_sub_goal_id_action_plan_sub_goals_id_fk" FOREIGN KEY ("sub_goal_id") REFERENCES "public"."action_plan_sub_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_measures" ADD CONSTRAINT "action_plan_measures_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_sub_goals" ADD CONSTRAINT "action_plan_sub_goals_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_series_id_action_plans_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_previous_version_id_action_plans_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_costs" ADD CONSTRAINT "benefit_costs_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_costs" ADD CONSTRAINT "benefit_costs_action_plan_id_action_plans_id_fk" FOREIGN KEY ("action_plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_readings" ADD CONSTRAINT "benefit_readings_benefit_id_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_readings" ADD CONSTRAINT "benefit_readings_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_action_plan_id_action_plans_id_fk" FOREIGN KEY ("action_plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gate_decisions_gate_idx" ON "gate_decisions" USING btree ("gate_id","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_gates_to_phase_unique" ON "programme_gates" USING btree ("programme_id","to_phase");--> statement-breakpoint
CREATE INDEX "programme_group_members_group_idx" ON "programme_group_members" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "programme_groups_programme_idx" ON "programme_groups" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_phases_number_unique" ON "programme_phases" USING btree ("programme_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_resources_unique" ON "programme_resources" USING btree ("programme_id","unit_id",coalesce("phase_number", -1));--> statement-breakpoint
CREATE INDEX "programme_stakeholders_programme_idx" ON "programme_stakeholders" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "programme_training_programme_idx" ON "programme_training" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "programmes_owner_idx" ON "programmes" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_code_unique" ON "programmes" USING btree ("owner_unit_id",lower("code"));--> statement-breakpoint
CREATE INDEX "stakeholder_activities_stakeholder_idx" ON "stakeholder_activities" USING btree ("stakeholder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "status_reports_period_unique" ON "status_reports" USING btree ("programme_id","period");--> statement-breakpoint
CREATE INDEX "status_reports_programme_end_idx" ON "status_reports" USING btree ("programme_id","period_end");--> statement-breakpoint
CREATE INDEX "action_plan_key_indicators_sub_goal_idx" ON "action_plan_key_indicators" USING btree ("sub_goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "action_plan_measures_unique" ON "action_plan_measures" USING btree ("plan_id","measure_id");--> statement-breakpoint
CREATE INDEX "action_plan_measures_measure_idx" ON "action_plan_measures" USING btree ("measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "action_plan_sub_goals_number_unique" ON "action_plan_sub_goals" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "action_plans_owner_idx" ON "action_plans" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "action_plans_series_version_unique" ON "action_plans" USING btree ("series_id","version_number");--> statement-breakpoint
CREATE INDEX "benefit_costs_programme_idx" ON "benefit_costs" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "benefit_costs_action_plan_idx" ON "benefit_costs" USING btree ("action_plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_readings_day_unique" ON "benefit_readings" USING btree ("benefit_id","on");--> statement-breakpoint
CREATE INDEX "benefits_programme_idx" ON "benefits" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "benefits_action_plan_idx" ON "benefits" USING btree ("action_plan_id");--> statement-breakpoint
ALTER TABLE "unit_risks" ADD CONSTRAINT "unit_risks_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unit_risks_open_rank_unique" ON "unit_risks" USING btree ("unit_id",coalesce("programme_id", 0),"rank") WHERE "unit_risks"."closed_at" is null;