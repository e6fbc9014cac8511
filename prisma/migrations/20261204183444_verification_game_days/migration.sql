-- CreateEnum
CREATE TYPE "VerificationHow" AS ENUM ('GAME_DAY', 'AUTOMATED_TEST', 'RESTORE_TEST', 'TABLETOP', 'MANUAL_CHECK');

-- CreateEnum
CREATE TYPE "VerificationResult" AS ENUM ('PASSED', 'FAILED', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "GameDayStatus" AS ENUM ('PLANNED', 'RUNNING', 'FINISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ExperimentVerdict" AS ENUM ('HELD', 'DEVIATED', 'ABORTED');

-- CreateEnum
CREATE TYPE "GameDayRunSource" AS ENUM ('JOURNAL', 'RUN_MODE');

-- AlterEnum
ALTER TYPE "CorrectiveActionSource" ADD VALUE 'GAME_DAY';

-- AlterTable
ALTER TABLE "corrective_actions" ADD COLUMN     "game_day_run_id" TEXT,
ADD COLUMN     "verification_run_id" TEXT;

-- CreateTable
CREATE TABLE "verification_dimensions" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "tracks_recovery" BOOLEAN NOT NULL DEFAULT false,
    "interval_days" INTEGER NOT NULL DEFAULT 90,
    "tier1_interval_days" INTEGER DEFAULT 30,
    "tier2_interval_days" INTEGER,
    "tier3_interval_days" INTEGER,
    "archived_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_dimensions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_tiers" (
    "service_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "tier" INTEGER NOT NULL,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "service_tiers_pkey" PRIMARY KEY ("service_id")
);

-- CreateTable
CREATE TABLE "service_verifications" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "dimension_id" TEXT NOT NULL,
    "result" "VerificationResult" NOT NULL,
    "method" "VerificationHow",
    "not_applicable_reason" TEXT,
    "verified_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3),
    "verifier_id" TEXT,
    "last_record_id" TEXT,
    "rto_target_minutes" INTEGER,
    "rpo_target_minutes" INTEGER,
    "rto_observed_minutes" INTEGER,
    "rpo_observed_minutes" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "service_verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_records" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "dimension_id" TEXT NOT NULL,
    "result" "VerificationResult" NOT NULL,
    "method" "VerificationHow",
    "performed_at" TIMESTAMP(3) NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "not_applicable_reason" TEXT,
    "rto_observed_minutes" INTEGER,
    "rpo_observed_minutes" INTEGER,
    "verifier_id" TEXT,
    "game_day_run_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verification_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_attachments" (
    "id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "uploaded_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verification_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "game_days" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "scheduled_at" TIMESTAMP(3) NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "environment" TEXT NOT NULL DEFAULT 'staging',
    "facilitator_id" TEXT,
    "status" "GameDayStatus" NOT NULL DEFAULT 'PLANNED',
    "started_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "game_days_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "game_day_services" (
    "game_day_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,

    CONSTRAINT "game_day_services_pkey" PRIMARY KEY ("game_day_id","service_id")
);

-- CreateTable
CREATE TABLE "game_day_participants" (
    "game_day_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "game_day_participants_pkey" PRIMARY KEY ("game_day_id","user_id")
);

-- CreateTable
CREATE TABLE "game_day_experiments" (
    "id" TEXT NOT NULL,
    "game_day_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "template_key" TEXT,
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "steady_state_hypothesis" JSONB NOT NULL,
    "method" JSONB NOT NULL,
    "rollbacks" JSONB NOT NULL DEFAULT '[]',
    "blast_radius" TEXT NOT NULL DEFAULT '',
    "abort_conditions" TEXT NOT NULL DEFAULT '',
    "expected_outcome" TEXT NOT NULL DEFAULT '',
    "service_id" TEXT,
    "dimension_id" TEXT,
    "source_coe_id" TEXT,
    "verdict" "ExperimentVerdict",
    "verdict_at" TIMESTAMP(3),
    "abort_reason" TEXT,
    "checked_steps" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "game_day_experiments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "game_day_runs" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "game_day_id" TEXT NOT NULL,
    "experiment_id" TEXT NOT NULL,
    "source" "GameDayRunSource" NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deviated" BOOLEAN NOT NULL,
    "verdict" "ExperimentVerdict" NOT NULL,
    "started_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),
    "activities" JSONB NOT NULL DEFAULT '[]',
    "raw" JSONB,
    "chaos_version" TEXT,
    "recorded_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "game_day_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "game_day_log_entries" (
    "id" BIGSERIAL NOT NULL,
    "game_day_id" TEXT NOT NULL,
    "experiment_id" TEXT,
    "author_id" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'note',
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "game_day_log_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "verification_dimensions_organization_id_position_idx" ON "verification_dimensions"("organization_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "verification_dimensions_organization_id_key_key" ON "verification_dimensions"("organization_id", "key");

-- CreateIndex
CREATE INDEX "service_tiers_organization_id_idx" ON "service_tiers"("organization_id");

-- CreateIndex
CREATE INDEX "service_tiers_updated_by_id_idx" ON "service_tiers"("updated_by_id");

-- CreateIndex
CREATE INDEX "service_verifications_dimension_id_idx" ON "service_verifications"("dimension_id");

-- CreateIndex
CREATE INDEX "service_verifications_verifier_id_idx" ON "service_verifications"("verifier_id");

-- CreateIndex
CREATE INDEX "service_verifications_organization_id_expires_at_idx" ON "service_verifications"("organization_id", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "service_verifications_service_id_dimension_id_key" ON "service_verifications"("service_id", "dimension_id");

-- CreateIndex
CREATE INDEX "verification_records_service_id_dimension_id_performed_at_idx" ON "verification_records"("service_id", "dimension_id", "performed_at");

-- CreateIndex
CREATE INDEX "verification_records_dimension_id_idx" ON "verification_records"("dimension_id");

-- CreateIndex
CREATE INDEX "verification_records_verifier_id_idx" ON "verification_records"("verifier_id");

-- CreateIndex
CREATE INDEX "verification_records_organization_id_performed_at_idx" ON "verification_records"("organization_id", "performed_at");

-- CreateIndex
CREATE UNIQUE INDEX "verification_records_game_day_run_id_service_id_dimension_i_key" ON "verification_records"("game_day_run_id", "service_id", "dimension_id");

-- CreateIndex
CREATE INDEX "verification_attachments_record_id_idx" ON "verification_attachments"("record_id");

-- CreateIndex
CREATE INDEX "verification_attachments_uploaded_by_id_idx" ON "verification_attachments"("uploaded_by_id");

-- CreateIndex
CREATE INDEX "game_days_organization_id_scheduled_at_idx" ON "game_days"("organization_id", "scheduled_at");

-- CreateIndex
CREATE INDEX "game_days_team_id_scheduled_at_idx" ON "game_days"("team_id", "scheduled_at");

-- CreateIndex
CREATE INDEX "game_days_facilitator_id_idx" ON "game_days"("facilitator_id");

-- CreateIndex
CREATE INDEX "game_days_created_by_id_idx" ON "game_days"("created_by_id");

-- CreateIndex
CREATE INDEX "game_day_services_service_id_idx" ON "game_day_services"("service_id");

-- CreateIndex
CREATE INDEX "game_day_participants_user_id_idx" ON "game_day_participants"("user_id");

-- CreateIndex
CREATE INDEX "game_day_experiments_game_day_id_position_idx" ON "game_day_experiments"("game_day_id", "position");

-- CreateIndex
CREATE INDEX "game_day_experiments_service_id_idx" ON "game_day_experiments"("service_id");

-- CreateIndex
CREATE INDEX "game_day_experiments_dimension_id_idx" ON "game_day_experiments"("dimension_id");

-- CreateIndex
CREATE INDEX "game_day_experiments_source_coe_id_idx" ON "game_day_experiments"("source_coe_id");

-- CreateIndex
CREATE INDEX "game_day_runs_game_day_id_created_at_idx" ON "game_day_runs"("game_day_id", "created_at");

-- CreateIndex
CREATE INDEX "game_day_runs_organization_id_created_at_idx" ON "game_day_runs"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "game_day_runs_recorded_by_id_idx" ON "game_day_runs"("recorded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "game_day_runs_experiment_id_idempotency_key_key" ON "game_day_runs"("experiment_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "game_day_log_entries_game_day_id_created_at_idx" ON "game_day_log_entries"("game_day_id", "created_at");

-- CreateIndex
CREATE INDEX "game_day_log_entries_experiment_id_idx" ON "game_day_log_entries"("experiment_id");

-- CreateIndex
CREATE INDEX "game_day_log_entries_author_id_idx" ON "game_day_log_entries"("author_id");

-- CreateIndex
CREATE INDEX "corrective_actions_game_day_run_id_idx" ON "corrective_actions"("game_day_run_id");

-- CreateIndex
CREATE INDEX "corrective_actions_verification_run_id_idx" ON "corrective_actions"("verification_run_id");

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_game_day_run_id_fkey" FOREIGN KEY ("game_day_run_id") REFERENCES "game_day_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_verification_run_id_fkey" FOREIGN KEY ("verification_run_id") REFERENCES "game_day_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_dimensions" ADD CONSTRAINT "verification_dimensions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_tiers" ADD CONSTRAINT "service_tiers_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_tiers" ADD CONSTRAINT "service_tiers_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_tiers" ADD CONSTRAINT "service_tiers_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_verifications" ADD CONSTRAINT "service_verifications_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_verifications" ADD CONSTRAINT "service_verifications_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_verifications" ADD CONSTRAINT "service_verifications_dimension_id_fkey" FOREIGN KEY ("dimension_id") REFERENCES "verification_dimensions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_verifications" ADD CONSTRAINT "service_verifications_verifier_id_fkey" FOREIGN KEY ("verifier_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_records" ADD CONSTRAINT "verification_records_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_records" ADD CONSTRAINT "verification_records_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_records" ADD CONSTRAINT "verification_records_dimension_id_fkey" FOREIGN KEY ("dimension_id") REFERENCES "verification_dimensions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_records" ADD CONSTRAINT "verification_records_verifier_id_fkey" FOREIGN KEY ("verifier_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_records" ADD CONSTRAINT "verification_records_game_day_run_id_fkey" FOREIGN KEY ("game_day_run_id") REFERENCES "game_day_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_attachments" ADD CONSTRAINT "verification_attachments_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "verification_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_attachments" ADD CONSTRAINT "verification_attachments_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_days" ADD CONSTRAINT "game_days_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_days" ADD CONSTRAINT "game_days_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_days" ADD CONSTRAINT "game_days_facilitator_id_fkey" FOREIGN KEY ("facilitator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_days" ADD CONSTRAINT "game_days_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_services" ADD CONSTRAINT "game_day_services_game_day_id_fkey" FOREIGN KEY ("game_day_id") REFERENCES "game_days"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_services" ADD CONSTRAINT "game_day_services_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_participants" ADD CONSTRAINT "game_day_participants_game_day_id_fkey" FOREIGN KEY ("game_day_id") REFERENCES "game_days"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_participants" ADD CONSTRAINT "game_day_participants_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_experiments" ADD CONSTRAINT "game_day_experiments_game_day_id_fkey" FOREIGN KEY ("game_day_id") REFERENCES "game_days"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_experiments" ADD CONSTRAINT "game_day_experiments_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_experiments" ADD CONSTRAINT "game_day_experiments_dimension_id_fkey" FOREIGN KEY ("dimension_id") REFERENCES "verification_dimensions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_experiments" ADD CONSTRAINT "game_day_experiments_source_coe_id_fkey" FOREIGN KEY ("source_coe_id") REFERENCES "coes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_runs" ADD CONSTRAINT "game_day_runs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_runs" ADD CONSTRAINT "game_day_runs_game_day_id_fkey" FOREIGN KEY ("game_day_id") REFERENCES "game_days"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_runs" ADD CONSTRAINT "game_day_runs_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "game_day_experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_runs" ADD CONSTRAINT "game_day_runs_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_log_entries" ADD CONSTRAINT "game_day_log_entries_game_day_id_fkey" FOREIGN KEY ("game_day_id") REFERENCES "game_days"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_log_entries" ADD CONSTRAINT "game_day_log_entries_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "game_day_experiments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "game_day_log_entries" ADD CONSTRAINT "game_day_log_entries_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
