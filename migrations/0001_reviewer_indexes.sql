CREATE INDEX `verifications_review_score_idx` ON `verifications` (`review_status`,`score`,`id`);--> statement-breakpoint
CREATE INDEX `verifications_score_idx` ON `verifications` (`score`,`id`);--> statement-breakpoint
CREATE INDEX `verifications_institution_idx` ON `verifications` (`institution_name`,`created_at`,`id`);