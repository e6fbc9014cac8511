-- CreateEnum
CREATE TYPE "CorrectiveActionSource" AS ENUM ('COE', 'WEEKLY_REVIEW', 'ANDON_EVENT', 'STANDALONE');

-- CreateEnum
CREATE TYPE "VerificationMethod" AS ENUM ('TEST', 'GAME_DAY', 'ALARM_FIRED', 'NO_RECURRENCE', 'OTHER');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ASSIGNED', 'DUE_SOON', 'OVERDUE', 'ESCALATED');

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "escalation_grace_days" INTEGER[] DEFAULT ARRAY[0, 7, 14]::INTEGER[];

-- AlterTable
ALTER TABLE "corrective_actions" ADD COLUMN     "assigned_at" TIMESTAMP(3),
ADD COLUMN     "completed_by_id" TEXT,
ADD COLUMN     "evidence" TEXT,
ADD COLUMN     "source" "CorrectiveActionSource" NOT NULL DEFAULT 'COE',
ADD COLUMN     "verification_method" "VerificationMethod",
ADD COLUMN     "verification_note" TEXT,
ADD COLUMN     "verified_by_id" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "wont_do_approved_by_id" TEXT,
ADD COLUMN     "wont_do_requested_at" TIMESTAMP(3),
ADD COLUMN     "wont_do_requested_by_id" TEXT;

-- CreateTable
CREATE TABLE "corrective_action_events" (
    "id" BIGSERIAL NOT NULL,
    "action_id" TEXT NOT NULL,
    "actor_id" TEXT,
    "kind" TEXT NOT NULL,
    "from_value" TEXT,
    "to_value" TEXT,
    "reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "corrective_action_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "corrective_action_comments" (
    "id" TEXT NOT NULL,
    "action_id" TEXT NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "corrective_action_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "corrective_action_links" (
    "id" TEXT NOT NULL,
    "action_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "corrective_action_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "action_id" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "read_at" TIMESTAMP(3),
    "emailed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_feeds" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "corrective_action_events_action_id_created_at_idx" ON "corrective_action_events"("action_id", "created_at");

-- CreateIndex
CREATE INDEX "corrective_action_events_actor_id_idx" ON "corrective_action_events"("actor_id");

-- CreateIndex
CREATE INDEX "corrective_action_comments_action_id_created_at_idx" ON "corrective_action_comments"("action_id", "created_at");

-- CreateIndex
CREATE INDEX "corrective_action_comments_author_id_idx" ON "corrective_action_comments"("author_id");

-- CreateIndex
CREATE INDEX "corrective_action_links_action_id_created_at_idx" ON "corrective_action_links"("action_id", "created_at");

-- CreateIndex
CREATE INDEX "corrective_action_links_created_by_id_idx" ON "corrective_action_links"("created_by_id");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at");

-- CreateIndex
CREATE INDEX "notifications_action_id_idx" ON "notifications"("action_id");

-- CreateIndex
CREATE INDEX "notifications_organization_id_idx" ON "notifications"("organization_id");

-- CreateIndex
CREATE INDEX "notifications_emailed_at_idx" ON "notifications"("emailed_at");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_user_id_action_id_kind_dedupe_key_key" ON "notifications"("user_id", "action_id", "kind", "dedupe_key");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds"("token_hash");

-- CreateIndex
CREATE INDEX "calendar_feeds_user_id_idx" ON "calendar_feeds"("user_id");

-- CreateIndex
CREATE INDEX "corrective_actions_completed_by_id_idx" ON "corrective_actions"("completed_by_id");

-- CreateIndex
CREATE INDEX "corrective_actions_verified_by_id_idx" ON "corrective_actions"("verified_by_id");

-- CreateIndex
CREATE INDEX "corrective_actions_wont_do_requested_by_id_idx" ON "corrective_actions"("wont_do_requested_by_id");

-- CreateIndex
CREATE INDEX "corrective_actions_wont_do_approved_by_id_idx" ON "corrective_actions"("wont_do_approved_by_id");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_priority_idx" ON "corrective_actions"("organization_id", "priority");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_type_idx" ON "corrective_actions"("organization_id", "type");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_completed_at_idx" ON "corrective_actions"("organization_id", "completed_at");

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_completed_by_id_fkey" FOREIGN KEY ("completed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_verified_by_id_fkey" FOREIGN KEY ("verified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_wont_do_requested_by_id_fkey" FOREIGN KEY ("wont_do_requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_wont_do_approved_by_id_fkey" FOREIGN KEY ("wont_do_approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_action_events" ADD CONSTRAINT "corrective_action_events_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "corrective_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_action_events" ADD CONSTRAINT "corrective_action_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_action_comments" ADD CONSTRAINT "corrective_action_comments_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "corrective_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_action_comments" ADD CONSTRAINT "corrective_action_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_action_links" ADD CONSTRAINT "corrective_action_links_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "corrective_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_action_links" ADD CONSTRAINT "corrective_action_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "corrective_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
