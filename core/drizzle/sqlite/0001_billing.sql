CREATE TABLE `key_spend` (
	`key_id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`spent_micros` integer DEFAULT 0 NOT NULL,
	`reserved_micros` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`type` text NOT NULL,
	`amount_micros` integer NOT NULL,
	`reserved_micros` integer NOT NULL,
	`balance_after_micros` integer NOT NULL,
	`reserved_after_micros` integer NOT NULL,
	`request_id` text,
	`key_id` text,
	`price_version` text,
	`note` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_entries_account_id_index` ON `ledger_entries` (`account_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_request_index` ON `ledger_entries` (`account_id`,`type`,`request_id`);--> statement-breakpoint
CREATE TABLE `reservations` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`key_id` text,
	`amount_micros` integer NOT NULL,
	`status` text NOT NULL,
	`price_version` text,
	`charged_micros` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reservations_status_index` ON `reservations` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `usage_records` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text,
	`key_id` text,
	`project_id` text,
	`dialect` text NOT NULL,
	`model` text NOT NULL,
	`served_model` text,
	`provider` text,
	`input_tokens` integer NOT NULL,
	`input_no_cache_tokens` integer NOT NULL,
	`input_cache_read_tokens` integer NOT NULL,
	`input_cache_write_tokens` integer NOT NULL,
	`output_tokens` integer NOT NULL,
	`output_text_tokens` integer NOT NULL,
	`output_reasoning_tokens` integer NOT NULL,
	`estimated` integer NOT NULL,
	`cost_micros` integer NOT NULL,
	`charged_micros` integer NOT NULL,
	`price_version` text,
	`latency_ms` integer NOT NULL,
	`time_to_first_token_ms` integer,
	`status` integer NOT NULL,
	`outcome` text NOT NULL,
	`error_code` text,
	`streamed` integer NOT NULL,
	`attempts` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `usage_records_account_id_index` ON `usage_records` (`account_id`,`id`);--> statement-breakpoint
CREATE INDEX `usage_records_key_id_index` ON `usage_records` (`key_id`,`id`);--> statement-breakpoint
CREATE INDEX `usage_records_created_at_index` ON `usage_records` (`created_at`);