-- CreateIndex
CREATE INDEX "coes_organization_id_team_id_status_restricted_created_by_i_idx" ON "coes"("organization_id", "team_id", "status", "restricted", "created_by_id", "started_at", "created_at", "id");
