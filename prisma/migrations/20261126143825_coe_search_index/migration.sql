-- Full-text search over COEs (lib/coes/search.ts). Written by hand: Prisma's schema cannot express an
-- index on an expression, so the migrations drift test lists it in HAND_WRITTEN_OBJECTS. The
-- expression must stay exactly the one lib/coes/search.ts queries, or the planner will not use it.
CREATE INDEX "coes_search_idx" ON "coes" USING GIN (
  (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', (what_happened || ' ' || customer_impact || ' ' || contributing_factors || ' ' || supporting_data || ' ' || lessons_learned || ' ' || corrective_actions_summary)), 'B'))
);
