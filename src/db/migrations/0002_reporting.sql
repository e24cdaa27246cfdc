CREATE TABLE "answer_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "answer_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"answer_id" integer NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"text" text NOT NULL,
	"state" text NOT NULL,
	"comment" text,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "answers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "answers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"requirement_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"return_comment" text,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_chapters" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_chapters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"lineage_key" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_rounds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reporting_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"period" text NOT NULL,
	"deadline" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "requirements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"chapter_id" integer,
	"lineage_key" text NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"source" text,
	"applies_to_unit_ids" integer[],
	"frequency" text[] NOT NULL,
	"deadline" date,
	"selected_for_risk_assessment" boolean DEFAULT false NOT NULL,
	"derived_from_id" integer,
	"lead_unit_id" integer,
	"indicator_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "steering_document_recipients" (
	"document_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "steering_document_recipients_document_id_unit_id_pk" PRIMARY KEY("document_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "steering_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "steering_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"series_key" text NOT NULL,
	"version_number" integer DEFAULT 1 NOT NULL,
	"previous_version_id" integer,
	"year" integer NOT NULL,
	"issuing_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "steering_documents_year_range" CHECK ("steering_documents"."year" between 1900 and 2999)
);
--> statement-breakpoint
ALTER TABLE "answer_versions" ADD CONSTRAINT "answer_versions_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_versions" ADD CONSTRAINT "answer_versions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_chapters" ADD CONSTRAINT "document_chapters_document_id_steering_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."steering_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_document_id_steering_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."steering_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_document_id_steering_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."steering_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_chapter_id_document_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."document_chapters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_derived_from_id_requirements_id_fk" FOREIGN KEY ("derived_from_id") REFERENCES "public"."requirements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_document_recipients" ADD CONSTRAINT "steering_document_recipients_document_id_steering_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."steering_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_document_recipients" ADD CONSTRAINT "steering_document_recipients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_documents" ADD CONSTRAINT "steering_documents_previous_version_id_steering_documents_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."steering_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_documents" ADD CONSTRAINT "steering_documents_issuing_unit_id_units_id_fk" FOREIGN KEY ("issuing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "answer_versions_answer_version_unique" ON "answer_versions" USING btree ("answer_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "answers_round_requirement_unit_unique" ON "answers" USING btree ("round_id","requirement_id","unit_id");--> statement-breakpoint
CREATE INDEX "answers_unit_idx" ON "answers" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "answers_requirement_idx" ON "answers" USING btree ("requirement_id");--> statement-breakpoint
CREATE INDEX "document_chapters_document_idx" ON "document_chapters" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_chapters_lineage_unique" ON "document_chapters" USING btree ("document_id","lineage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_rounds_document_period_unique" ON "reporting_rounds" USING btree ("document_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "requirements_document_number_unique" ON "requirements" USING btree ("document_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "requirements_lineage_unique" ON "requirements" USING btree ("document_id","lineage_key");--> statement-breakpoint
CREATE INDEX "requirements_chapter_idx" ON "requirements" USING btree ("chapter_id");--> statement-breakpoint
CREATE INDEX "requirements_derived_from_idx" ON "requirements" USING btree ("derived_from_id");--> statement-breakpoint
CREATE INDEX "steering_document_recipients_unit_idx" ON "steering_document_recipients" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "steering_documents_series_version_unique" ON "steering_documents" USING btree ("series_key","version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "steering_documents_one_draft_per_series" ON "steering_documents" USING btree ("series_key") WHERE "steering_documents"."state" = 'draft';--> statement-breakpoint
CREATE INDEX "steering_documents_issuer_year_idx" ON "steering_documents" USING btree ("issuing_unit_id","year");