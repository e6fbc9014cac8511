-- AlterTable
-- Edited by hand: Prisma's schema cannot declare a generated column, so it wrote a plain
-- `tsvector` column; the migrations drift test lists "column coes.search_vector" in
-- HAND_WRITTEN_OBJECTS. The expression is the one the expression index coes_search_idx held
-- (lib/coes/search.ts), now stored so ts_rank reads the vector instead of re-parsing the text.
ALTER TABLE "coes" ADD COLUMN     "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', (what_happened || ' ' || customer_impact || ' ' || contributing_factors || ' ' || supporting_data || ' ' || lessons_learned || ' ' || corrective_actions_summary)), 'B')
) STORED;

-- CreateIndex
CREATE INDEX "coes_search_vector_idx" ON "coes" USING GIN ("search_vector");

-- Written by hand: the expression index the stored column replaces (migration *_coe_search_index).
DROP INDEX "coes_search_idx";
