CREATE TABLE "key_spend" (
	"key_id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"spent_micros" bigint DEFAULT 0 NOT NULL,
	"reserved_micros" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"type" text NOT NULL,
	"amount_micros" bigint NOT NULL,
	"reserved_micros" bigint NOT NULL,
	"balance_after_micros" bigint NOT NULL,
	"reserved_after_micros" bigint NOT NULL,
	"request_id" text,
	"key_id" text,
	"price_version" text,
	"note" text,
	"created_by" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"key_id" text,
	"amount_micros" bigint NOT NULL,
	"status" text NOT NULL,
	"price_version" text,
	"charged_micros" bigint,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_records" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text,
	"key_id" text,
	"project_id" text,
	"dialect" text NOT NULL,
	"model" text NOT NULL,
	"served_model" text,
	"provider" text,
	"input_tokens" integer NOT NULL,
	"input_no_cache_tokens" integer NOT NULL,
	"input_cache_read_tokens" integer NOT NULL,
	"input_cache_write_tokens" integer NOT NULL,
	"output_tokens" integer NOT NULL,
	"output_text_tokens" integer NOT NULL,
	"output_reasoning_tokens" integer NOT NULL,
	"estimated" boolean NOT NULL,
	"cost_micros" bigint NOT NULL,
	"charged_micros" bigint NOT NULL,
	"price_version" text,
	"latency_ms" integer NOT NULL,
	"time_to_first_token_ms" integer,
	"status" integer NOT NULL,
	"outcome" text NOT NULL,
	"error_code" text,
	"streamed" boolean NOT NULL,
	"attempts" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entries_account_id_index" ON "ledger_entries" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_request_index" ON "ledger_entries" USING btree ("account_id","type","request_id");--> statement-breakpoint
CREATE INDEX "reservations_status_index" ON "reservations" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "usage_records_account_id_index" ON "usage_records" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "usage_records_key_id_index" ON "usage_records" USING btree ("key_id","id");--> statement-breakpoint
CREATE INDEX "usage_records_created_at_index" ON "usage_records" USING btree ("created_at");