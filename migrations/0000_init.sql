CREATE TABLE `account_owners` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`verification_id` text NOT NULL,
	`stripe_owner_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text,
	`raw_address` text,
	`email` text,
	`phone` text,
	`refreshed_at` integer,
	`purged_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_owners_verification_position_idx` ON `account_owners` (`verification_id`,`position`);--> statement-breakpoint
CREATE INDEX `account_owners_purge_idx` ON `account_owners` (`purged_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`label` text NOT NULL,
	`hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_idx` ON `api_keys` (`hash`);--> statement-breakpoint
CREATE TABLE `applicants` (
	`id` text PRIMARY KEY NOT NULL,
	`external_id` text,
	`name` text,
	`address_line1` text,
	`address_line2` text,
	`address_city` text,
	`address_state` text,
	`address_postal_code` text,
	`address_country` text,
	`email` text,
	`phone` text,
	`stripe_customer_id` text,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`erased_at` integer
);
--> statement-breakpoint
CREATE INDEX `applicants_external_id_idx` ON `applicants` (`external_id`);--> statement-breakpoint
CREATE INDEX `applicants_created_at_idx` ON `applicants` (`created_at`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`verification_id` text,
	`applicant_id` text,
	`before` text,
	`after` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_verification_idx` ON `audit_events` (`verification_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_events_created_idx` ON `audit_events` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `client_tokens` (
	`hash` text PRIMARY KEY NOT NULL,
	`applicant_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `client_tokens_applicant_idx` ON `client_tokens` (`applicant_id`);--> statement-breakpoint
CREATE TABLE `fc_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`verification_id` text NOT NULL,
	`stripe_account_id` text NOT NULL,
	`institution_name` text,
	`last4` text,
	`category` text,
	`subcategory` text,
	`status` text,
	`ownership_id` text,
	`ownership_refresh_status` text,
	`ownership_refreshed_at` integer,
	`disconnected_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fc_accounts_verification_stripe_idx` ON `fc_accounts` (`verification_id`,`stripe_account_id`);--> statement-breakpoint
CREATE INDEX `fc_accounts_stripe_account_idx` ON `fc_accounts` (`stripe_account_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`api_key_id` text NOT NULL,
	`key` text NOT NULL,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer,
	`response_body` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`api_key_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `match_results` (
	`id` text PRIMARY KEY NOT NULL,
	`verification_id` text NOT NULL,
	`score` integer NOT NULL,
	`decision` text NOT NULL,
	`owner_index` integer NOT NULL,
	`algorithm` text NOT NULL,
	`fields` text NOT NULL,
	`reasons` text NOT NULL,
	`owners` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `match_results_verification_idx` ON `match_results` (`verification_id`);--> statement-breakpoint
CREATE TABLE `review_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`verification_id` text NOT NULL,
	`decision` text NOT NULL,
	`reason_code` text,
	`note` text,
	`actor` text NOT NULL,
	`idempotency_key` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `review_decisions_verification_idx` ON `review_decisions` (`verification_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `review_decisions_idem_idx` ON `review_decisions` (`actor`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `sandbox_idempotency` (
	`key` text PRIMARY KEY NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sandbox_objects` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`parent_id` text,
	`data` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`seq` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sandbox_objects_parent_idx` ON `sandbox_objects` (`kind`,`parent_id`,`seq`);--> statement-breakpoint
CREATE TABLE `stripe_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`received_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`applicant_id` text NOT NULL,
	`state` text DEFAULT 'created' NOT NULL,
	`mode` text NOT NULL,
	`stripe_session_id` text,
	`decision` text,
	`score` integer,
	`review_status` text,
	`failure_code` text,
	`institution_name` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `verifications_applicant_idx` ON `verifications` (`applicant_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `verifications_session_idx` ON `verifications` (`stripe_session_id`);--> statement-breakpoint
CREATE INDEX `verifications_state_idx` ON `verifications` (`state`,`updated_at`);--> statement-breakpoint
CREATE INDEX `verifications_review_idx` ON `verifications` (`review_status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `verifications_decision_idx` ON `verifications` (`decision`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `verifications_created_idx` ON `verifications` (`created_at`,`id`);