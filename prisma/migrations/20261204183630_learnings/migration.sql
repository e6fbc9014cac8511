-- CreateEnum
CREATE TYPE "LessonStatus" AS ENUM ('DRAFT', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "AdoptionStatus" AS ENUM ('ADOPTED', 'NOT_APPLICABLE');

-- AlterEnum
ALTER TYPE "CorrectiveActionSource" ADD VALUE 'BEST_PRACTICE';

-- CreateTable
CREATE TABLE "lessons" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "coe_id" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "LessonStatus" NOT NULL DEFAULT 'DRAFT',
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT,
    "confirmed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    -- Edited by hand (as coes.search_vector): a generated column Prisma cannot declare; listed in
    -- HAND_WRITTEN_OBJECTS of scripts/db/migrations.test.ts.
    "search_vector" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', statement), 'A') || setweight(to_tsvector('english', detail), 'B')
    ) STORED,

    CONSTRAINT "lessons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lesson_categories" (
    "lesson_id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,

    CONSTRAINT "lesson_categories_pkey" PRIMARY KEY ("lesson_id","category_id")
);

-- CreateTable
CREATE TABLE "lesson_services" (
    "lesson_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,

    CONSTRAINT "lesson_services_pkey" PRIMARY KEY ("lesson_id","service_id")
);

-- CreateTable
CREATE TABLE "best_practices" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "lesson_id" TEXT,
    "coe_id" TEXT,
    "review_decision_id" TEXT,
    "promoted_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    -- Edited by hand: generated, as lessons.search_vector above.
    "search_vector" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')
    ) STORED,

    CONSTRAINT "best_practices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "best_practice_adoptions" (
    "id" TEXT NOT NULL,
    "best_practice_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "status" "AdoptionStatus" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "corrective_action_id" TEXT,
    "policy_rule_id" TEXT,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "best_practice_adoptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "coe_relations" (
    "coe_id" TEXT NOT NULL,
    "related_coe_id" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coe_relations_pkey" PRIMARY KEY ("coe_id","related_coe_id")
);

-- CreateTable
CREATE TABLE "learnings_digest_opt_outs" (
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "learnings_digest_opt_outs_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "lessons_coe_id_position_idx" ON "lessons"("coe_id", "position");

-- CreateIndex
CREATE INDEX "lessons_organization_id_status_created_at_idx" ON "lessons"("organization_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "lessons_created_by_id_idx" ON "lessons"("created_by_id");

-- CreateIndex
CREATE INDEX "lessons_tags_idx" ON "lessons" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "lessons_search_vector_idx" ON "lessons" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "lesson_categories_category_id_idx" ON "lesson_categories"("category_id");

-- CreateIndex
CREATE INDEX "lesson_services_service_id_idx" ON "lesson_services"("service_id");

-- CreateIndex
CREATE UNIQUE INDEX "best_practices_review_decision_id_key" ON "best_practices"("review_decision_id");

-- CreateIndex
CREATE INDEX "best_practices_organization_id_created_at_idx" ON "best_practices"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "best_practices_lesson_id_idx" ON "best_practices"("lesson_id");

-- CreateIndex
CREATE INDEX "best_practices_coe_id_idx" ON "best_practices"("coe_id");

-- CreateIndex
CREATE INDEX "best_practices_promoted_by_id_idx" ON "best_practices"("promoted_by_id");

-- CreateIndex
CREATE INDEX "best_practices_search_vector_idx" ON "best_practices" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "best_practice_adoptions_corrective_action_id_key" ON "best_practice_adoptions"("corrective_action_id");

-- CreateIndex
CREATE INDEX "best_practice_adoptions_team_id_idx" ON "best_practice_adoptions"("team_id");

-- CreateIndex
CREATE INDEX "best_practice_adoptions_policy_rule_id_idx" ON "best_practice_adoptions"("policy_rule_id");

-- CreateIndex
CREATE INDEX "best_practice_adoptions_decided_by_id_idx" ON "best_practice_adoptions"("decided_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "best_practice_adoptions_best_practice_id_team_id_key" ON "best_practice_adoptions"("best_practice_id", "team_id");

-- CreateIndex
CREATE INDEX "coe_relations_related_coe_id_idx" ON "coe_relations"("related_coe_id");

-- CreateIndex
CREATE INDEX "coe_relations_created_by_id_idx" ON "coe_relations"("created_by_id");

-- AddForeignKey
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lesson_categories" ADD CONSTRAINT "lesson_categories_lesson_id_fkey" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lesson_categories" ADD CONSTRAINT "lesson_categories_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "factor_categories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lesson_services" ADD CONSTRAINT "lesson_services_lesson_id_fkey" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lesson_services" ADD CONSTRAINT "lesson_services_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "best_practices" ADD CONSTRAINT "best_practices_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "best_practices" ADD CONSTRAINT "best_practices_lesson_id_fkey" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "best_practices" ADD CONSTRAINT "best_practices_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "best_practices" ADD CONSTRAINT "best_practices_review_decision_id_fkey" FOREIGN KEY ("review_decision_id") REFERENCES "review_decisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "best_practices" ADD CONSTRAINT "best_practices_promoted_by_id_fkey" FOREIGN KEY ("promoted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "best_practice_adoptions" ADD CONSTRAINT "best_practice_adoptions_best_practice_id_fkey" FOREIGN KEY ("best_practice_id") REFERENCES "best_practices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "best_practice_adoptions" ADD CONSTRAINT "best_practice_adoptions_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "best_practice_adoptions" ADD CONSTRAINT "best_practice_adoptions_corrective_action_id_fkey" FOREIGN KEY ("corrective_action_id") REFERENCES "corrective_actions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "best_practice_adoptions" ADD CONSTRAINT "best_practice_adoptions_policy_rule_id_fkey" FOREIGN KEY ("policy_rule_id") REFERENCES "policy_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "best_practice_adoptions" ADD CONSTRAINT "best_practice_adoptions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_relations" ADD CONSTRAINT "coe_relations_coe_id_fkey" FOREIGN KEY ("coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_relations" ADD CONSTRAINT "coe_relations_related_coe_id_fkey" FOREIGN KEY ("related_coe_id") REFERENCES "coes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coe_relations" ADD CONSTRAINT "coe_relations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learnings_digest_opt_outs" ADD CONSTRAINT "learnings_digest_opt_outs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: existing COEs' "What lessons did you learn?" answers become DRAFT lessons their
-- authors can confirm. Done here, once, rather than lazily on first read: every COE is covered at the
-- same moment (the library's counts and the digest never see half-migrated data), a GET never writes,
-- and two app instances cannot race to split the same answer (migrations run under Prisma's advisory
-- lock, in one transaction). The rule is lib/learnings/split-lessons.ts `splitLessons` (tested there,
-- and against this statement): a blank line or a list item (-, *, + or "1." / "1)") starts a new lesson,
-- heading lines separate lessons and are dropped, lines of one block are joined; past 280 characters the statement is cut
-- to 279 plus "…" and the whole text is kept as the detail.
WITH lines AS (
  SELECT c.id AS coe_id, c.organization_id, c.created_by_id, l.line, l.n
  FROM coes c
  CROSS JOIN LATERAL regexp_split_to_table(replace(c.lessons_learned, E'\r', ''), E'\n') WITH ORDINALITY AS l(line, n)
  WHERE btrim(c.lessons_learned) <> ''
),
grouped AS (
  SELECT lines.*, (btrim(line) = '' OR line ~ '^\s*#') AS blank,
    sum(CASE WHEN btrim(line) = '' OR line ~ '^\s*#' OR line ~ '^\s*([-*+]|[0-9]+[.)])\s+' THEN 1 ELSE 0 END) OVER (PARTITION BY coe_id ORDER BY n) AS block
  FROM lines
),
blocks AS (
  SELECT coe_id, organization_id, created_by_id, block,
    btrim(regexp_replace(string_agg(regexp_replace(line, '^\s*([-*+]|[0-9]+[.)])\s+', ''), ' ' ORDER BY n), '\s+', ' ', 'g')) AS body
  FROM grouped
  WHERE NOT blank
  GROUP BY coe_id, organization_id, created_by_id, block
),
numbered AS (
  SELECT blocks.*, (row_number() OVER (PARTITION BY coe_id ORDER BY block) - 1)::int AS position
  FROM blocks
  WHERE body <> ''
)
INSERT INTO "lessons" ("id", "organization_id", "coe_id", "statement", "detail", "status", "position", "created_by_id", "created_at", "updated_at")
SELECT 'lmig_' || md5(coe_id || ':' || position), organization_id, coe_id,
  CASE WHEN char_length(body) <= 280 THEN body ELSE left(body, 279) || '…' END,
  CASE WHEN char_length(body) <= 280 THEN '' ELSE body END,
  'DRAFT', position, created_by_id, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM numbered;

-- Written by hand: a lesson's services and categories default to its COE's.
INSERT INTO "lesson_services" ("lesson_id", "service_id")
SELECT l.id, cs.service_id FROM "lessons" l JOIN "coe_services" cs ON cs.coe_id = l.coe_id;

INSERT INTO "lesson_categories" ("lesson_id", "category_id")
SELECT DISTINCT l.id, cf.category_id FROM "lessons" l JOIN "contributing_factors" cf ON cf.coe_id = l.coe_id;
