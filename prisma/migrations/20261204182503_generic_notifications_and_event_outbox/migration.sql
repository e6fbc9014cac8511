-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'ACTION_AWAITING_VERIFICATION';
ALTER TYPE "NotificationKind" ADD VALUE 'COE_SUBMITTED';
ALTER TYPE "NotificationKind" ADD VALUE 'COE_CHANGES_REQUESTED';
ALTER TYPE "NotificationKind" ADD VALUE 'COE_APPROVED';
ALTER TYPE "NotificationKind" ADD VALUE 'COE_CLOSED';
ALTER TYPE "NotificationKind" ADD VALUE 'REVIEW_COMMENT';
ALTER TYPE "NotificationKind" ADD VALUE 'AGENDA_READY';
ALTER TYPE "NotificationKind" ADD VALUE 'MINUTES_PUBLISHED';
ALTER TYPE "NotificationKind" ADD VALUE 'CORD_PULLED';
ALTER TYPE "NotificationKind" ADD VALUE 'CORD_COE_DUE';
ALTER TYPE "NotificationKind" ADD VALUE 'FINDING_OPENED';
ALTER TYPE "NotificationKind" ADD VALUE 'ACKNOWLEDGMENT_REQUESTED';
ALTER TYPE "NotificationKind" ADD VALUE 'ACKNOWLEDGMENT_DECIDED';
ALTER TYPE "NotificationKind" ADD VALUE 'ACKNOWLEDGMENT_EXPIRED';
ALTER TYPE "NotificationKind" ADD VALUE 'VERIFICATION_EXPIRING';
ALTER TYPE "NotificationKind" ADD VALUE 'WEBHOOK_ENDPOINT_DISABLED';
ALTER TYPE "NotificationKind" ADD VALUE 'TICKET_SYNC_FAILING';
ALTER TYPE "NotificationKind" ADD VALUE 'LEARNINGS_DIGEST';

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "href" TEXT,
ALTER COLUMN "action_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "domain_events" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "team_id" TEXT,
    "data" JSONB NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_at" TIMESTAMP(3),

    CONSTRAINT "domain_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "domain_events_organization_id_occurred_at_idx" ON "domain_events"("organization_id", "occurred_at");

-- CreateIndex
CREATE INDEX "domain_events_dispatched_at_occurred_at_idx" ON "domain_events"("dispatched_at", "occurred_at");

-- CreateIndex
CREATE INDEX "domain_events_team_id_idx" ON "domain_events"("team_id");

-- CreateIndex
CREATE INDEX "notifications_user_id_kind_dedupe_key_idx" ON "notifications"("user_id", "kind", "dedupe_key");

-- AddForeignKey
ALTER TABLE "domain_events" ADD CONSTRAINT "domain_events_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
