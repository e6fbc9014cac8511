-- CreateEnum
CREATE TYPE "CordSeverity" AS ENUM ('STOP_DEPLOYS', 'CUSTOMER_DEFECT');

-- CreateEnum
CREATE TYPE "CordEventKind" AS ENUM ('PULLED', 'PLUS_ONE', 'NOTE', 'DEPLOY_BLOCKED', 'OVERRIDE_GRANTED', 'OVERRIDE_USED', 'RESOLVED', 'COE_STARTED');

-- CreateTable
CREATE TABLE "cords" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "severity" "CordSeverity" NOT NULL,
    "problem" TEXT NOT NULL,
    "customer_impact" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "pulled_by_id" TEXT,
    "pulled_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),
    "resolved_by_id" TEXT,
    "resolution_note" TEXT,
    "open_service_id" TEXT,
    "coe_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cords_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cord_events" (
    "id" BIGSERIAL NOT NULL,
    "cord_id" TEXT NOT NULL,
    "kind" "CordEventKind" NOT NULL,
    "actor_id" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "deploy_ref" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cord_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cord_overrides" (
    "id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "cord_id" TEXT,
    "granted_by_id" TEXT,
    "justification" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "used_ref" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cord_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "freeze_windows" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "rrule" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "last_ends_at" TIMESTAMP(3),
    "environments" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "freeze_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "freeze_window_services" (
    "window_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,

    CONSTRAINT "freeze_window_services_pkey" PRIMARY KEY ("window_id","service_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cords_open_service_id_key" ON "cords"("open_service_id");

-- CreateIndex
CREATE UNIQUE INDEX "cords_coe_id_key" ON "cords"("coe_id");

-- CreateIndex
CREATE INDEX "cords_organization_id_pulled_at_idx" ON "cords"("organization_id", "pulled_at");

-- CreateIndex
CREATE INDEX "cords_organization_id_resolved_at_idx" ON "cords"("organization_id", "resolved_at");

-- CreateIndex
CREATE INDEX "cords_service_id_pulled_at_idx" ON "cords"("service_id", "pulled_at");

-- CreateIndex
CREATE INDEX "cords_team_id_pulled_at_idx" ON "cords"("team_id", "pulled_at");

-- CreateIndex
CREATE INDEX "cords_pulled_by_id_idx" ON "cords"("pulled_by_id");

-- CreateIndex
CREATE INDEX "cords_resolved_by_id_idx" ON "cords"("resolved_by_id");

-- CreateIndex
CREATE INDEX "cord_events_cord_id_created_at_idx" ON "cord_events"("cord_id", "created_at");

-- CreateIndex
CREATE INDEX "cord_events_actor_id_idx" ON "cord_events"("actor_id");

-- CreateIndex
CREATE INDEX "cord_overrides_service_id_used_at_expires_at_idx" ON "cord_overrides"("service_id", "used_at", "expires_at");

-- CreateIndex
CREATE INDEX "cord_overrides_cord_id_idx" ON "cord_overrides"("cord_id");

-- CreateIndex
CREATE INDEX "cord_overrides_granted_by_id_idx" ON "cord_overrides"("granted_by_id");

-- CreateIndex
CREATE INDEX "freeze_windows_organization_id_starts_at_idx" ON "freeze_windows"("organization_id", "starts_at");

-- CreateIndex
CREATE INDEX "freeze_windows_team_id_last_ends_at_idx" ON "freeze_windows"("team_id", "last_ends_at");

-- CreateIndex
CREATE INDEX "freeze_windows_created_by_id_idx" ON "freeze_windows"("created_by_id");

-- CreateIndex
CREATE INDEX "freeze_window_services_service_id_idx" ON "freeze_window_services"("service_id");

-- AddForeignKey
ALTER TABLE "cords" ADD CONSTRAINT "cords_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cords" ADD CONSTRAINT "cords_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cords" ADD CONSTRAINT "cords_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cords" ADD CONSTRAINT "cords_pulled_by_id_fkey" FOREIGN KEY ("pulled_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cords" ADD CONSTRAINT "cords_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cords" ADD CONSTRAINT "cords_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cord_events" ADD CONSTRAINT "cord_events_cord_id_fkey" FOREIGN KEY ("cord_id") REFERENCES "cords"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cord_events" ADD CONSTRAINT "cord_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cord_overrides" ADD CONSTRAINT "cord_overrides_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cord_overrides" ADD CONSTRAINT "cord_overrides_cord_id_fkey" FOREIGN KEY ("cord_id") REFERENCES "cords"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cord_overrides" ADD CONSTRAINT "cord_overrides_granted_by_id_fkey" FOREIGN KEY ("granted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "freeze_windows" ADD CONSTRAINT "freeze_windows_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "freeze_windows" ADD CONSTRAINT "freeze_windows_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "freeze_windows" ADD CONSTRAINT "freeze_windows_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "freeze_window_services" ADD CONSTRAINT "freeze_window_services_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "freeze_windows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "freeze_window_services" ADD CONSTRAINT "freeze_window_services_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;
