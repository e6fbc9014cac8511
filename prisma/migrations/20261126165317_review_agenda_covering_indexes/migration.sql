-- CreateIndex
CREATE INDEX "coes_organization_id_status_team_id_submitted_at_created_at_idx" ON "coes"("organization_id", "status", "team_id", "submitted_at", "created_at", "id");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_due_date_team_id_status__idx" ON "corrective_actions"("organization_id", "due_date", "team_id", "status", "completed_at", "id");
