-- CreateIndex
CREATE INDEX "coes_organization_id_restricted_team_id_idx" ON "coes"("organization_id", "restricted", "team_id");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_team_id_status_due_date__idx" ON "corrective_actions"("organization_id", "team_id", "status", "due_date", "created_at", "completed_at", "updated_at");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_owner_id_team_id_coe_id_idx" ON "corrective_actions"("organization_id", "owner_id", "team_id", "coe_id");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_created_at_idx" ON "corrective_actions"("organization_id", "created_at");
