-- CreateEnum
CREATE TYPE "TicketProvider" AS ENUM ('GITHUB', 'JIRA');

-- CreateTable
CREATE TABLE "ticket_integrations" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "provider" "TicketProvider" NOT NULL,
    "base_url" TEXT NOT NULL,
    "repository" TEXT,
    "jira_email" TEXT,
    "project_key" TEXT,
    "issue_type" TEXT,
    "status_mapping" JSONB NOT NULL DEFAULT '{}',
    "token_encrypted" TEXT NOT NULL,
    "webhook_secret_encrypted" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ticket_integrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external_tickets" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "action_id" TEXT NOT NULL,
    "integration_id" TEXT NOT NULL,
    "provider" "TicketProvider" NOT NULL,
    "external_id" TEXT,
    "key" TEXT,
    "url" TEXT,
    "remote_closed" BOOLEAN,
    "remote_status" TEXT,
    "sync_error" TEXT,
    "failing_since" TIMESTAMP(3),
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "next_sync_at" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "synced_at" TIMESTAMP(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "external_tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_webhook_deliveries" (
    "integration_id" TEXT NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_webhook_deliveries_pkey" PRIMARY KEY ("integration_id","delivery_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ticket_integrations_team_id_key" ON "ticket_integrations"("team_id");

-- CreateIndex
CREATE INDEX "ticket_integrations_organization_id_idx" ON "ticket_integrations"("organization_id");

-- CreateIndex
CREATE INDEX "ticket_integrations_created_by_id_idx" ON "ticket_integrations"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "external_tickets_action_id_key" ON "external_tickets"("action_id");

-- CreateIndex
CREATE INDEX "external_tickets_next_sync_at_idx" ON "external_tickets"("next_sync_at");

-- CreateIndex
CREATE INDEX "external_tickets_organization_id_idx" ON "external_tickets"("organization_id");

-- CreateIndex
CREATE INDEX "external_tickets_created_by_id_idx" ON "external_tickets"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "external_tickets_integration_id_external_id_key" ON "external_tickets"("integration_id", "external_id");

-- CreateIndex
CREATE INDEX "ticket_webhook_deliveries_received_at_idx" ON "ticket_webhook_deliveries"("received_at");

-- AddForeignKey
ALTER TABLE "ticket_integrations" ADD CONSTRAINT "ticket_integrations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_integrations" ADD CONSTRAINT "ticket_integrations_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_integrations" ADD CONSTRAINT "ticket_integrations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_tickets" ADD CONSTRAINT "external_tickets_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_tickets" ADD CONSTRAINT "external_tickets_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "corrective_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_tickets" ADD CONSTRAINT "external_tickets_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "ticket_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_tickets" ADD CONSTRAINT "external_tickets_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_webhook_deliveries" ADD CONSTRAINT "ticket_webhook_deliveries_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "ticket_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
