-- CreateIndex
CREATE INDEX "contributing_factors_coe_id_category_id_idx" ON "contributing_factors"("coe_id", "category_id");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_team_id_created_at_statu_idx" ON "corrective_actions"("organization_id", "team_id", "created_at", "status");
