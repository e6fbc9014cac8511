-- CreateIndex
CREATE INDEX "lessons_organization_id_status_tags_idx" ON "lessons"("organization_id", "status", "tags");
