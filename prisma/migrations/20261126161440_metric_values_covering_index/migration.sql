-- DropIndex
DROP INDEX "metric_values_metric_id_recorded_at_idx";

-- CreateIndex
CREATE INDEX "metric_values_metric_id_recorded_at_value_idx" ON "metric_values"("metric_id", "recorded_at", "value");
