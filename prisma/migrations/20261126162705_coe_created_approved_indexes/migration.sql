-- CreateIndex
CREATE INDEX "coes_organization_id_created_at_idx" ON "coes"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "coes_organization_id_approved_at_idx" ON "coes"("organization_id", "approved_at");
