CREATE TABLE "factor_staging" (
	"staging_id" text NOT NULL,
	"seq" integer NOT NULL,
	"created_at" text DEFAULT (to_char(statement_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) NOT NULL,
	"line" integer NOT NULL,
	"item" text NOT NULL,
	"segment" text NOT NULL,
	"ghg_category" integer,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"mass_unit" text NOT NULL,
	"activity_unit" text NOT NULL,
	"value_kg_per_unit" double precision NOT NULL,
	"uncertainty_pct" double precision,
	"method" text NOT NULL,
	"accounting" text,
	"reference_year" integer NOT NULL,
	"verified_by" text,
	"source" text,
	"extra" json,
	"pcf_data" json,
	CONSTRAINT "factor_staging_staging_id_seq_pk" PRIMARY KEY("staging_id","seq")
);
--> statement-breakpoint
CREATE TABLE "file_blobs" (
	"sha256" text NOT NULL,
	"chunk" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "file_blobs_sha256_chunk_pk" PRIMARY KEY("sha256","chunk")
);
--> statement-breakpoint
CREATE INDEX "factor_staging_created" ON "factor_staging" USING btree ("created_at");