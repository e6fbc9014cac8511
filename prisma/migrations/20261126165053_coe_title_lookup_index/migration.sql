-- CreateIndex
CREATE INDEX "coes_organization_id_title_id_status_restricted_team_id_cre_idx" ON "coes"("organization_id", "title", "id", "status", "restricted", "team_id", "created_by_id");
