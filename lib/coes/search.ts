import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "@/lib/coes/headline";
import type { Principal } from "@/lib/permissions";
import { visibleCoesSql } from "@/lib/coes/access";

// The searchable text of a COE is the generated column coes.search_vector (the title weighs more
// than the answers; see prisma/schema.prisma), with a GIN index: the index decides the match and
// ts_rank reads the stored vector. Re-parsing the text instead cost ≈ 0.2 ms a COE, 360 ms to rank
// 2,000 matches. Snippets still parse the text, for the twenty COEs of one page only.
const ANSWERS_SQL = Prisma.sql`(c.what_happened || ' ' || c.customer_impact || ' ' || c.contributing_factors || ' ' || c.supporting_data || ' ' || c.lessons_learned || ' ' || c.corrective_actions_summary)`;

/** At most this many matches are considered, best first: the ids travel as query parameters. */
const MAX_SEARCH_MATCHES = 2000;

export type SearchMatch = { id: string; rank: number };

/**
 * The organization's COEs matching a web-style query (quotes, OR, -word), best match first (title
 * matches weigh more), then most recently updated. Callers narrow them to what the reader may see.
 */
export async function searchCoes(organizationId: string, query: string): Promise<SearchMatch[]> {
  const rows = await db.$queryRaw<SearchMatch[]>`
    SELECT c.id, ts_rank(c.search_vector, q.query)::float8 AS rank
    FROM coes c, websearch_to_tsquery('english', ${query}) AS q(query)
    WHERE c.organization_id = ${organizationId} AND c.search_vector @@ q.query
    ORDER BY rank DESC, c.updated_at DESC, c.id
    LIMIT ${MAX_SEARCH_MATCHES}`;
  return rows.map((row) => ({ id: row.id, rank: Number(row.rank) }));
}

export type SearchPage = { total: number; page: number; matches: SearchMatch[] };

/**
 * One page of the COEs the reader may see that match the query, best first, with their count (at
 * most MAX_SEARCH_MATCHES): one statement, so no list of ids travels back as parameters. A page
 * past the end gives the last page.
 */
export async function searchVisibleCoesPage(user: Principal, query: string, page: number, pageSize: number): Promise<SearchPage> {
  const rows = await db.$queryRaw<{ id: string | null; rank: number | null; total: number; page: number }[]>`
    WITH ranked AS MATERIALIZED (
      SELECT c.id, ts_rank(c.search_vector, q.query)::float8 AS rank, c.updated_at
      FROM coes c, websearch_to_tsquery('english', ${query}) AS q(query)
      WHERE c.search_vector @@ q.query AND ${visibleCoesSql(user)}
      ORDER BY rank DESC, c.updated_at DESC, c.id
      LIMIT ${MAX_SEARCH_MATCHES}
    ), counted AS (
      SELECT count(*)::int AS total, LEAST(${page}::int, GREATEST(1, ceil(count(*) / ${pageSize}::numeric)::int)) AS page FROM ranked
    )
    SELECT r.id, r.rank, n.total, n.page
    FROM counted n
    LEFT JOIN LATERAL (
      SELECT ranked.id, ranked.rank FROM ranked
      ORDER BY ranked.rank DESC, ranked.updated_at DESC, ranked.id
      OFFSET (n.page - 1) * ${pageSize}::int LIMIT ${pageSize}::int
    ) r ON true`;
  const first = rows[0];
  return {
    total: Number(first?.total ?? 0),
    page: Number(first?.page ?? 1),
    matches: rows.filter((row) => row.id !== null).map((row) => ({ id: row.id as string, rank: Number(row.rank) })),
  };
}

/** Ids of the matching COEs, most recently updated first (for lists in that order, e.g. the API). */
export async function searchCoeIds(organizationId: string, query: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id
    FROM coes c, websearch_to_tsquery('english', ${query}) AS q(query)
    WHERE c.organization_id = ${organizationId} AND c.search_vector @@ q.query
    ORDER BY c.updated_at DESC, c.id
    LIMIT ${MAX_SEARCH_MATCHES}`;
  return rows.map((row) => row.id);
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
