import "server-only";
import { db } from "@/lib/db";
import { visibleCoesSql } from "@/lib/coes/access";
import type { CurrentUser } from "@/lib/auth/principal";

// Similar past COEs for one COE, in one statement over any number of COEs:
// - candidates: COEs whose search vector matches the COE's own words (title, what happened, factor
//   descriptions) as an OR query, through the GIN index, the best 200 by rank; plus COEs naming one
//   of its services (coe_services index);
// - words that more than one COE in five contains (ANALYZE's most_common_elems for
//   coes.search_vector) are left out of the query once the organization is large: they match
//   nearly everything and tell nothing apart, and ranking every COE is what would make this slow;
// - score: text similarity (ts_rank normalised to 0..1) × 0.5 + a shared service × 0.3 + a shared
//   contributing-factor category × 0.2, so a same-service, same-cause COE with similar words ranks
//   first; the reasons come back with each match.
// Drafts are left out (not "past" yet), and only COEs the reader may see are considered.

const SIMILAR_LIMIT = 5;
const COMMON_WORD_SHARE = 0.2;
const LARGE_ORGANIZATION_COES = 2000;

export type SimilarCoe = {
  id: string;
  title: string;
  status: string;
  teamName: string;
  startedAt: Date | null;
  score: number;
  textScore: number;
  sharedServices: string[];
  sharedCategories: string[];
  related: boolean;
  lessons: { id: string; statement: string }[];
  actions: { id: string; title: string; status: string; verifiedAt: Date | null }[];
};

type Row = Omit<SimilarCoe, "startedAt" | "actions"> & {
  startedAt: number | null;
  actions: { id: string; title: string; status: string; verifiedAt: number | null }[];
};

export async function similarCoes(user: CurrentUser, coeId: string, limit = SIMILAR_LIMIT): Promise<SimilarCoe[]> {
  const rows = await db.$queryRaw<Row[]>`
    WITH src AS (
      SELECT s.id, to_tsvector('english', s.title || ' ' || s.what_happened || ' ' ||
        COALESCE((SELECT string_agg(f.description, ' ') FROM contributing_factors f WHERE f.coe_id = s.id), '')) AS vec
      FROM coes s WHERE s.id = ${coeId} AND s.organization_id = ${user.organizationId}
    ),
    src_services AS (SELECT cs.service_id FROM coe_services cs WHERE cs.coe_id = ${coeId}),
    src_categories AS (SELECT DISTINCT f.category_id FROM contributing_factors f WHERE f.coe_id = ${coeId}),
    common AS (
      SELECT e.word FROM pg_stats st
      CROSS JOIN LATERAL unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs) AS e(word, share)
      WHERE st.schemaname = current_schema() AND st.tablename = 'coes' AND st.attname = 'search_vector'
        AND e.share > ${COMMON_WORD_SHARE}
        AND (SELECT reltuples FROM pg_class WHERE oid = 'coes'::regclass) > ${LARGE_ORGANIZATION_COES}
    ),
    terms AS (
      SELECT (SELECT string_agg(quote_literal(w.lexeme), ' | ' ORDER BY w.first)
              FROM (SELECT u.lexeme, u.positions[1] AS first FROM unnest(src.vec) u
                    WHERE strpos(u.lexeme, chr(92)) = 0 AND u.lexeme NOT IN (SELECT word FROM common)
                    ORDER BY u.positions[1] LIMIT 40) w)::tsquery AS query
      FROM src
    ),
    text_hits AS (
      SELECT c.id, ts_rank(c.search_vector, t.query, 32)::float8 AS text_score
      FROM coes c, terms t
      WHERE t.query IS NOT NULL AND c.organization_id = ${user.organizationId} AND c.search_vector @@ t.query AND c.id <> ${coeId}
      ORDER BY text_score DESC LIMIT 200
    ),
    service_hits AS (
      SELECT DISTINCT cs.coe_id AS id FROM coe_services cs
      WHERE cs.service_id IN (SELECT service_id FROM src_services) AND cs.coe_id <> ${coeId}
      LIMIT 300
    ),
    candidates AS (SELECT id FROM text_hits UNION SELECT id FROM service_hits),
    scored AS (
      SELECT c.id, c.title, c.status, c.team_id, c.started_at,
        COALESCE(th.text_score, CASE WHEN t.query IS NULL THEN 0 ELSE ts_rank(c.search_vector, t.query, 32) END, 0)::float8 AS text_score,
        ARRAY(SELECT sv.name FROM coe_services cs JOIN services sv ON sv.id = cs.service_id
              WHERE cs.coe_id = c.id AND cs.service_id IN (SELECT service_id FROM src_services) ORDER BY sv.name) AS shared_services,
        ARRAY(SELECT DISTINCT fc.name FROM contributing_factors f JOIN factor_categories fc ON fc.id = f.category_id
              WHERE f.coe_id = c.id AND f.category_id IN (SELECT category_id FROM src_categories)) AS shared_categories
      FROM candidates k JOIN coes c ON c.id = k.id LEFT JOIN text_hits th ON th.id = k.id, terms t
      WHERE c.status <> 'DRAFT' AND ${visibleCoesSql(user)}
    ),
    ranked AS (
      SELECT scored.*,
        (0.5 * text_score + 0.3 * (cardinality(shared_services) > 0)::int + 0.2 * (cardinality(shared_categories) > 0)::int)::float8 AS score
      FROM scored
      ORDER BY score DESC, started_at DESC NULLS LAST, id
      LIMIT ${limit}
    )
    SELECT r.id, r.title, r.status::text AS status, tm.name AS "teamName", extract(epoch FROM r.started_at) * 1000 AS "startedAt",
      round(r.score::numeric, 3)::float8 AS score, round(r.text_score::numeric, 3)::float8 AS "textScore",
      r.shared_services AS "sharedServices", r.shared_categories AS "sharedCategories",
      EXISTS (SELECT 1 FROM coe_relations cr WHERE (cr.coe_id = ${coeId} AND cr.related_coe_id = r.id) OR (cr.coe_id = r.id AND cr.related_coe_id = ${coeId})) AS related,
      COALESCE((SELECT json_agg(json_build_object('id', l.id, 'statement', l.statement) ORDER BY l.position)
                FROM lessons l WHERE l.coe_id = r.id AND l.status = 'CONFIRMED'), '[]'::json) AS lessons,
      COALESCE((SELECT json_agg(json_build_object('id', a.id, 'title', a.title, 'status', a.status, 'verifiedAt', extract(epoch FROM a.verified_at) * 1000) ORDER BY a.created_at)
                FROM corrective_actions a WHERE a.coe_id = r.id), '[]'::json) AS actions
    FROM ranked r JOIN teams tm ON tm.id = r.team_id
    ORDER BY r.score DESC, r.started_at DESC NULLS LAST, r.id`;
  return rows.map((row) => ({
    ...row,
    score: Number(row.score),
    textScore: Number(row.textScore),
    startedAt: row.startedAt === null ? null : new Date(Number(row.startedAt)),
    actions: row.actions.map((action) => ({ ...action, verifiedAt: action.verifiedAt === null ? null : new Date(Number(action.verifiedAt)) })),
  }));
}
