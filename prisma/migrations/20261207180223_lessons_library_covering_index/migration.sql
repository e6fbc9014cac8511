-- DropIndex
DROP INDEX "lessons_organization_id_status_created_at_idx";

-- CreateIndex
CREATE INDEX "lessons_organization_id_status_created_at_id_coe_id_tags_idx" ON "lessons"("organization_id", "status", "created_at", "id", "coe_id", "tags");
