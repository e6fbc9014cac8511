-- CreateIndex
CREATE INDEX "coes_id_organization_id_team_id_status_restricted_created_b_idx" ON "coes"("id", "organization_id", "team_id", "status", "restricted", "created_by_id");
