-- CreateEnum
CREATE TYPE "WeeklyReviewStatus" AS ENUM ('PLANNED', 'RUNNING', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ReviewSubmissionKind" AS ENUM ('SUCCESS', 'FAILING', 'BEST_PRACTICE');

-- AlterTable
ALTER TABLE "corrective_actions" ADD COLUMN     "weekly_review_id" TEXT;

-- CreateTable
CREATE TABLE "review_series" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "time_zone" TEXT NOT NULL,
    "length_minutes" INTEGER NOT NULL,
    "sub_team_summary" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "review_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_organizers" (
    "series_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "review_organizers_pkey" PRIMARY KEY ("series_id","user_id")
);

-- CreateTable
CREATE TABLE "weekly_reviews" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "series_id" TEXT NOT NULL,
    "iso_week" TEXT NOT NULL,
    "status" "WeeklyReviewStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "agenda_edits" JSONB NOT NULL DEFAULT '{}',
    "current_item_key" TEXT,
    "current_item_started_at" TIMESTAMP(3),
    "reached_item_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "started_at" TIMESTAMP(3),
    "published_at" TIMESTAMP(3),
    "minutes" JSONB,
    "carried_over" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "weekly_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_notes" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "item_key" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "author_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "review_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_decisions" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "item_key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "author_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_attendance" (
    "review_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "review_attendance_pkey" PRIMARY KEY ("review_id","user_id")
);

-- CreateTable
CREATE TABLE "review_submissions" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "kind" "ReviewSubmissionKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "author_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_wheel_picks" (
    "id" TEXT NOT NULL,
    "series_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "iso_week" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_wheel_picks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "review_series_organization_id_idx" ON "review_series"("organization_id");

-- CreateIndex
CREATE INDEX "review_series_created_by_id_idx" ON "review_series"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_series_team_id_name_key" ON "review_series"("team_id", "name");

-- CreateIndex
CREATE INDEX "review_organizers_user_id_idx" ON "review_organizers"("user_id");

-- CreateIndex
CREATE INDEX "weekly_reviews_organization_id_idx" ON "weekly_reviews"("organization_id");

-- CreateIndex
CREATE INDEX "weekly_reviews_series_id_status_idx" ON "weekly_reviews"("series_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "weekly_reviews_series_id_iso_week_key" ON "weekly_reviews"("series_id", "iso_week");

-- CreateIndex
CREATE INDEX "review_notes_author_id_idx" ON "review_notes"("author_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_notes_review_id_item_key_key" ON "review_notes"("review_id", "item_key");

-- CreateIndex
CREATE INDEX "review_decisions_review_id_created_at_idx" ON "review_decisions"("review_id", "created_at");

-- CreateIndex
CREATE INDEX "review_decisions_author_id_idx" ON "review_decisions"("author_id");

-- CreateIndex
CREATE INDEX "review_attendance_user_id_idx" ON "review_attendance"("user_id");

-- CreateIndex
CREATE INDEX "review_submissions_review_id_kind_idx" ON "review_submissions"("review_id", "kind");

-- CreateIndex
CREATE INDEX "review_submissions_author_id_idx" ON "review_submissions"("author_id");

-- CreateIndex
CREATE INDEX "review_wheel_picks_service_id_idx" ON "review_wheel_picks"("service_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_wheel_picks_series_id_iso_week_key" ON "review_wheel_picks"("series_id", "iso_week");

-- CreateIndex
CREATE INDEX "corrective_actions_weekly_review_id_idx" ON "corrective_actions"("weekly_review_id");

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_weekly_review_id_fkey" FOREIGN KEY ("weekly_review_id") REFERENCES "weekly_reviews"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_series" ADD CONSTRAINT "review_series_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_series" ADD CONSTRAINT "review_series_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_series" ADD CONSTRAINT "review_series_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_organizers" ADD CONSTRAINT "review_organizers_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "review_series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_organizers" ADD CONSTRAINT "review_organizers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "weekly_reviews" ADD CONSTRAINT "weekly_reviews_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "weekly_reviews" ADD CONSTRAINT "weekly_reviews_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "review_series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "weekly_reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "weekly_reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_attendance" ADD CONSTRAINT "review_attendance_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "weekly_reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_attendance" ADD CONSTRAINT "review_attendance_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_submissions" ADD CONSTRAINT "review_submissions_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "weekly_reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_submissions" ADD CONSTRAINT "review_submissions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_wheel_picks" ADD CONSTRAINT "review_wheel_picks_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "review_series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_wheel_picks" ADD CONSTRAINT "review_wheel_picks_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;
