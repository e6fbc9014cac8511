import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "@/lib/coes/headline";

// The searchable text of a COE: the title weighs more than the answers. A GIN index on exactly
// DOCUMENT_SQL (without the `c.` prefixes) makes the match fast — the hand-written migration
// *_coe_search_index; change both together. Measured on 10,000 COEs (PostgreSQL 15, 2 cores):
// 1.1 s per search without the index, 1.8 ms with it.
// `||`, not concat_ws: the expression must be immutable for the index below (the columns are NOT NULL).
const ANSWERS_SQL = Prisma.sql`(c.what_happened || ' ' || c.customer_impact || ' ' || c.contributing_factors || ' ' || c.supporting_data || ' ' || c.lessons_learned || ' ' || c.corrective_actions_summary)`;
const DOCUMENT_SQL = Prisma.sql`(setweight(to_tsvector('english', c.title), 'A') || setweight(to_tsvector('english', ${ANSWERS_SQL}), 'B'))`;

/** At most this many matches are considered, most recently updated first: the ids travel as query parameters. */
export const MAX_SEARCH_MATCHES = 2000;

/**
 * Ranking needs each document's tsvector, which the GIN index does not store: ts_rank re-parses
 * the whole text (≈ 0.2 ms a COE), so ranking 2,000 matches took 360 ms. Only this many candidates
 * (the most recently updated visible matches) are ranked; the rest follow them, newest first.
 */
export const RANKED_CANDIDATES = 100;

/**
 * Ids of the organization's COEs matching a web-style query (quotes, OR, -word), most recently
 * updated first. Only the index decides the match, so this stays fast however many COEs match.
 */
export async function searchCoeIds(organizationId: string, query: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id
    FROM coes c, websearch_to_tsquery('english', ${query}) AS q(query)
    WHERE c.organization_id = ${organizationId} AND ${DOCUMENT_SQL} @@ q.query
    ORDER BY c.updated_at DESC, c.id
    LIMIT ${MAX_SEARCH_MATCHES}`;
  return rows.map((row) => row.id);
}

/** ts_rank of a few matching COEs (title above answers); callers pass at most RANKED_CANDIDATES ids. */
export async function rankCoes(organizationId: string, ids: string[], query: string): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; rank: number }[]>`
    SELECT c.id, ts_rank(${DOCUMENT_SQL}, q.query)::float8 AS rank
    FROM coes c, websearch_to_tsquery('english', ${query}) AS q(query)
    WHERE c.organization_id = ${organizationId} AND c.id = ANY(${ids})`;
  return new Map(rows.map((row) => [row.id, Number(row.rank)]));
}

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … "`;

const TITLE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

export type SearchHighlights = { title: string; snippet: string };

/**
 * The title and a snippet of the answers with the matches marked (see lib/coes/headline.ts), for
 * the few COEs on one page only: ts_headline re-parses the whole text, so it never runs over the
 * full result set.
 */
export async function searchSnippets(organizationId: string, ids: string[], query: string): Promise<Map<string, SearchHighlights>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; title: string; snippet: string }[]>`
    SELECT c.id,
           ts_headline('english', c.title, q.query, ${TITLE_OPTIONS}) AS title,
           ts_headline('english', ${ANSWERS_SQL}, q.query, ${HEADLINE_OPTIONS}) AS snippet
    FROM coes c, websearch_to_tsquery('english', ${query}) AS q(query)
    WHERE c.organization_id = ${organizationId} AND c.id = ANY(${ids})`;
  return new Map(rows.map((row) => [row.id, { title: row.title, snippet: row.snippet }]));
}
