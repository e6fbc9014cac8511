-- AlterTable
ALTER TABLE "corrective_actions" ADD COLUMN     "cord_id" TEXT;

-- CreateIndex
CREATE INDEX "corrective_actions_cord_id_idx" ON "corrective_actions"("cord_id");

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_cord_id_fkey" FOREIGN KEY ("cord_id") REFERENCES "cords"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: actions started from a cord before this column existed name the cord only in the line
-- lib/cords/mutations.ts appended to their description ("Follows up the Andon cord on <service>:
-- /cords/<id>"). Link those whose cord still exists in the same organization; the rest stay null.
UPDATE "corrective_actions" AS a
SET "cord_id" = c."id"
FROM "cords" AS c
WHERE a."source" = 'ANDON_EVENT'
  AND a."cord_id" IS NULL
  AND c."organization_id" = a."organization_id"
  AND c."id" = (regexp_match(a."description", 'Follows up the Andon cord on [^\n]*: /cords/([A-Za-z0-9_-]+)'))[1];
