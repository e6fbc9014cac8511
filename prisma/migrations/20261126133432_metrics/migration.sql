-- CreateEnum
CREATE TYPE "MetricDirection" AS ENUM ('UP', 'DOWN');

-- CreateEnum
CREATE TYPE "MetricCadence" AS ENUM ('DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "PilotMetric" AS ENUM ('MTTR', 'TIME_TO_DETECT', 'TIME_TO_MITIGATE');

-- CreateTable
CREATE TABLE "service_metrics" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "direction" "MetricDirection" NOT NULL,
    "target" DOUBLE PRECISION,
    "cadence" "MetricCadence" NOT NULL DEFAULT 'DAILY',
    "anomaly_threshold_pct" DOUBLE PRECISION,
    "archived_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "service_metrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_values" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "metric_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "recorded_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "metric_values_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "improvement_pilots" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "metric" "PilotMetric" NOT NULL DEFAULT 'MTTR',
    "baseline_median_sec" DOUBLE PRECISION,
    "baseline_p90_sec" DOUBLE PRECISION,
    "baseline_mean_sec" DOUBLE PRECISION,
    "baseline_count" INTEGER NOT NULL DEFAULT 0,
    "baseline_from" TIMESTAMP(3) NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_by_id" TEXT,

    CONSTRAINT "improvement_pilots_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "service_metrics_organization_id_idx" ON "service_metrics"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_metrics_service_id_name_key" ON "service_metrics"("service_id", "name");

-- CreateIndex
CREATE INDEX "metric_values_metric_id_recorded_at_idx" ON "metric_values"("metric_id", "recorded_at");

-- CreateIndex
CREATE INDEX "metric_values_organization_id_idx" ON "metric_values"("organization_id");

-- CreateIndex
CREATE INDEX "metric_values_recorded_by_id_idx" ON "metric_values"("recorded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "metric_values_service_id_metric_id_recorded_at_key" ON "metric_values"("service_id", "metric_id", "recorded_at");

-- CreateIndex
CREATE UNIQUE INDEX "improvement_pilots_team_id_key" ON "improvement_pilots"("team_id");

-- CreateIndex
CREATE INDEX "improvement_pilots_organization_id_idx" ON "improvement_pilots"("organization_id");

-- CreateIndex
CREATE INDEX "improvement_pilots_started_by_id_idx" ON "improvement_pilots"("started_by_id");

-- AddForeignKey
ALTER TABLE "service_metrics" ADD CONSTRAINT "service_metrics_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_metrics" ADD CONSTRAINT "service_metrics_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "service_metrics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_pilots" ADD CONSTRAINT "improvement_pilots_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_pilots" ADD CONSTRAINT "improvement_pilots_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_pilots" ADD CONSTRAINT "improvement_pilots_started_by_id_fkey" FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
