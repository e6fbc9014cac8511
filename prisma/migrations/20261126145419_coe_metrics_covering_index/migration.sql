-- CreateIndex
CREATE INDEX "coes_organization_id_team_id_status_started_at_severity_det_idx" ON "coes"("organization_id", "team_id", "status", "started_at", "severity", "detected_at", "mitigated_at", "resolved_at", "id");
