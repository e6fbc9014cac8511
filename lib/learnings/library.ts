import "server-only";
import { db } from "@/lib/db";
import { preparedSql } from "@/lib/prepared-statements";
import { Prisma } from "@/lib/generated/prisma/client";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "@/lib/coes/headline";
import { visibleCoesSql } from "@/lib/coes/access";
import { orgTeamTree } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";
import type { CurrentUser } from "@/lib/auth/principal";
import { LIBRARY_PAGE_SIZE, type LibraryFilter } from "@/lib/learnings/schemas";

// The learnings library: confirmed lessons of the COEs the reader may see (a restricted COE's
// lessons stay inside its readers: the visibility rule is the COE's own, visibleCoesSql), filtered,
// ranked and counted in one statement, which also answers the page's other reads (the matching best
// practices, the category and tag choices of the filters): one round trip for the whole library.
// The match set is ranked from the stored search vector (GIN); only the page's rows are sorted out
// of it (top-N), and ts_headline, which re-parses text, runs for those rows only.

const HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;
const DETAIL_HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … "`;
/** The tag filter lists this many tags in use, alphabetically. */
const TAG_CHOICES = 200;
/** Best practices shown above the lessons when searching. */
const PRACTICES_SHOWN = 5;

type LibraryLesson = {
  id: string;
  statement: string;
  /** With the matches marked (lib/coes/headline.ts), when searching. */
  statementHeadline: string | null;
  detailHeadline: string | null;
  detail: string;
  tags: string[];
  createdAt: Date;
  coe: { id: string; title: string; teamName: string; startedAt: Date | null };
  categories: { id: string; name: string }[];
  services: { id: string; name: string }[];
  bestPracticeId: string | null;
  /** This COE and the COEs linked to it as related: the COEs that share the lesson. */
  sharedBy: number;
};

type CategoryCount = { id: string; name: string; lessons: number; coes: number };

/** A best practice matching the search (all of them are organization-wide), with its title's matches marked. */
type LibraryPractice = { id: string; title: string; titleHeadline: string; adopted: number };

export type LibraryPage = {
  total: number;
  page: number;
  pageCount: number;
  lessons: LibraryLesson[];
  categories: CategoryCount[];
  /** The best practices matching the search, best first, a few (none without a search). */
  practices: LibraryPractice[];
  /** What the filters offer: the organization's categories and the tags its confirmed lessons use. */
  choices: { categories: { id: string; name: string }[]; tags: string[] };
};

function dayAfter(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000);
}

/** The filters as SQL over `lessons l JOIN coes c` (query terms in `q.query` when searching). */
async function filterSql(user: CurrentUser, filter: Omit<LibraryFilter, "page"> & { coeId?: string }): Promise<Prisma.Sql> {
  // One COE's lessons include its drafts (for its readers); the library shows confirmed lessons only.
  const parts: Prisma.Sql[] = [
    Prisma.sql`l.organization_id = ${user.organizationId}`,
    filter.coeId ? Prisma.sql`l.coe_id = ${filter.coeId}` : Prisma.sql`l.status = 'CONFIRMED'`,
    visibleCoesSql(user),
  ];
  if (filter.q) parts.push(Prisma.sql`l.search_vector @@ q.query`);
  if (filter.category) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM lesson_categories lc WHERE lc.lesson_id = l.id AND lc.category_id = ${filter.category})`);
  if (filter.service) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM lesson_services ls WHERE ls.lesson_id = l.id AND ls.service_id = ${filter.service})`);
  if (filter.team) parts.push(Prisma.sql`c.team_id = ANY(${subtreeIds(await orgTeamTree(user.organizationId), filter.team)}::text[])`);
  if (filter.tag) parts.push(Prisma.sql`l.tags @> ARRAY[${filter.tag}]::text[]`);
  if (filter.from) parts.push(Prisma.sql`COALESCE(c.started_at, c.created_at) >= ${new Date(`${filter.from}T00:00:00Z`)}`);
  if (filter.to) parts.push(Prisma.sql`COALESCE(c.started_at, c.created_at) < ${dayAfter(filter.to)}`);
  if (filter.promoted === "yes") parts.push(Prisma.sql`EXISTS (SELECT 1 FROM best_practices bp WHERE bp.lesson_id = l.id)`);
  if (filter.promoted === "no") parts.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM best_practices bp WHERE bp.lesson_id = l.id)`);
  return Prisma.join(parts, " AND ");
}

const SHARED_SQL = Prisma.sql`(1 + (SELECT count(*) FROM coe_relations r WHERE r.coe_id = l.coe_id OR r.related_coe_id = l.coe_id))::int`;

type Row = {
  total: number;
  page: number;
  categories: CategoryCount[] | null;
  lessons:
    (Omit<LibraryLesson, "createdAt" | "coe"> & { createdAt: number; coe: { id: string; title: string; teamName: string; startedAt: number | null } })[] | null;
  practices: LibraryPractice[] | null;
  categoryChoices: { id: string; name: string }[] | null;
  tagChoices: string[] | null;
};

/** The best practices matching the search in `q.query`, as JSON, best first: none without a search. */
function practicesSql(organizationId: string, searching: boolean): Prisma.Sql {
  if (!searching) return Prisma.sql`NULL::json`;
  return Prisma.sql`(SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'titleHeadline', x.headline, 'adopted', x.adopted) ORDER BY x.n)
    FROM (SELECT bp.id, bp.title, ts_headline('english', bp.title, q.query, ${HEADLINE}) AS headline,
            (SELECT count(*)::int FROM best_practice_adoptions a WHERE a.best_practice_id = bp.id AND a.status = 'ADOPTED') AS adopted,
            row_number() OVER (ORDER BY ts_rank(bp.search_vector, q.query) DESC, bp.created_at DESC, bp.id) AS n
          FROM best_practices bp
          WHERE bp.organization_id = ${organizationId} AND bp.search_vector @@ q.query
          ORDER BY n LIMIT ${PRACTICES_SHOWN}) x)`;
}

/**
 * One page of the library with its total, the counts per category over every match, the matching
 * best practices and the filters' choices: one statement.
 */
export async function searchLibrary(user: CurrentUser, filter: LibraryFilter): Promise<LibraryPage> {
  const where = await filterSql(user, filter);
  const sort = filter.sort ?? (filter.q ? "relevance" : "recent");
  const query = filter.q ? Prisma.sql`websearch_to_tsquery('english', ${filter.q})` : Prisma.sql`NULL::tsquery`;
  const rank = filter.q ? Prisma.sql`ts_rank(l.search_vector, q.query)::float8` : Prisma.sql`0::float8`;
  const shared = sort === "shared" ? SHARED_SQL : Prisma.sql`0`;
  const order =
    sort === "shared"
      ? Prisma.sql`m.shared DESC, m.created_at DESC, m.id`
      : sort === "relevance" && filter.q
        ? Prisma.sql`m.rank DESC, m.created_at DESC, m.id`
        : Prisma.sql`m.created_at DESC, m.id`;
  const rows = await db.$queryRaw<Row[]>(preparedSql`
    WITH q AS (SELECT ${query} AS query),
    matches AS MATERIALIZED (
      SELECT l.id, l.coe_id, l.created_at, l.tags, ${rank} AS rank, ${shared} AS shared
      FROM lessons l JOIN coes c ON c.id = l.coe_id, q
      WHERE ${where}
    ),
    counted AS (
      SELECT count(*)::int AS total, LEAST(${filter.page}::int, GREATEST(1, ceil(count(*) / ${LIBRARY_PAGE_SIZE}::numeric)::int)) AS page FROM matches
    ),
    paged AS (
      SELECT m.* FROM matches m ORDER BY ${order}
      LIMIT ${LIBRARY_PAGE_SIZE}::int OFFSET (SELECT (counted.page - 1) * ${LIBRARY_PAGE_SIZE}::int FROM counted)
    )
    SELECT counted.total, counted.page,
      -- Per category and COE first, then per category: two hash aggregates instead of sorting every match for count(DISTINCT).
      (SELECT json_agg(json_build_object('id', fc.id, 'name', fc.name, 'lessons', x.lessons, 'coes', x.coes) ORDER BY x.lessons DESC, fc.name)
         FROM (SELECT y.category_id, sum(y.lessons)::int AS lessons, count(*)::int AS coes
               FROM (SELECT lc.category_id, m.coe_id, count(*) AS lessons
                     FROM matches m JOIN lesson_categories lc ON lc.lesson_id = m.id GROUP BY lc.category_id, m.coe_id) y
               GROUP BY y.category_id) x
         JOIN factor_categories fc ON fc.id = x.category_id) AS categories,
      (SELECT json_agg(json_build_object(
          'id', l.id, 'statement', l.statement, 'detail', l.detail, 'tags', l.tags, 'createdAt', extract(epoch FROM l.created_at) * 1000,
          'statementHeadline', CASE WHEN q.query IS NULL THEN NULL ELSE ts_headline('english', l.statement, q.query, ${HEADLINE}) END,
          'detailHeadline', CASE WHEN q.query IS NULL OR l.detail = '' THEN NULL ELSE ts_headline('english', l.detail, q.query, ${DETAIL_HEADLINE}) END,
          'coe', json_build_object('id', c.id, 'title', c.title, 'teamName', t.name, 'startedAt', extract(epoch FROM c.started_at) * 1000),
          'categories', COALESCE((SELECT json_agg(json_build_object('id', fc.id, 'name', fc.name) ORDER BY fc.name) FROM lesson_categories lc JOIN factor_categories fc ON fc.id = lc.category_id WHERE lc.lesson_id = l.id), '[]'::json),
          'services', COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.name) FROM lesson_services ls JOIN services s ON s.id = ls.service_id WHERE ls.lesson_id = l.id), '[]'::json),
          'bestPracticeId', (SELECT bp.id FROM best_practices bp WHERE bp.lesson_id = l.id ORDER BY bp.created_at LIMIT 1),
          'sharedBy', ${SHARED_SQL}
        ) ORDER BY ${order})
        FROM paged m JOIN lessons l ON l.id = m.id JOIN coes c ON c.id = l.coe_id JOIN teams t ON t.id = c.team_id) AS lessons,
      ${practicesSql(user.organizationId, Boolean(filter.q))} AS practices,
      (SELECT json_agg(json_build_object('id', fc.id, 'name', fc.name) ORDER BY fc.name)
         FROM factor_categories fc WHERE fc.organization_id = ${user.organizationId}) AS "categoryChoices",
      -- The tags of the matching lessons: only lessons the caller may read offer their tags. Lessons
      -- share their few tag sets, so those are made distinct before they are taken apart.
      ARRAY(SELECT DISTINCT tag FROM (SELECT DISTINCT m.tags FROM matches m) d, unnest(d.tags) tag ORDER BY 1 LIMIT ${TAG_CHOICES}) AS "tagChoices"
    FROM counted, q`);
  const row = rows[0];
  const total = row?.total ?? 0;
  return {
    total,
    page: row?.page ?? 1,
    pageCount: Math.max(1, Math.ceil(total / LIBRARY_PAGE_SIZE)),
    categories: row?.categories ?? [],
    lessons: (row?.lessons ?? []).map((lesson) => ({
      ...lesson,
      createdAt: new Date(Number(lesson.createdAt)),
      coe: { ...lesson.coe, startedAt: lesson.coe.startedAt !== null ? new Date(Number(lesson.coe.startedAt)) : null },
    })),
    practices: row?.practices ?? [],
    choices: { categories: row?.categoryChoices ?? [], tags: withChosen(row?.tagChoices ?? [], filter.tag) },
  };
}

/** The API's page of lessons, newest first, after a (created ms, id) cursor: ids and their order only. */
export async function lessonIdsForApi(
  user: CurrentUser,
  filter: Omit<LibraryFilter, "page"> & { coeId?: string },
  after: [number, string] | null,
  take: number,
) {
  const where = await filterSql(user, filter);
  const cursor = after ? Prisma.sql`AND (l.created_at, l.id) < (${new Date(after[0])}, ${after[1]})` : Prisma.empty;
  const query = filter.q ? Prisma.sql`websearch_to_tsquery('english', ${filter.q})` : Prisma.sql`NULL::tsquery`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT l.id FROM lessons l JOIN coes c ON c.id = l.coe_id, (SELECT ${query} AS query) q
    WHERE ${where} ${cursor}
    ORDER BY l.created_at DESC, l.id DESC
    LIMIT ${take}`;
  return rows.map((row) => row.id);
}

/** The tag choices with the chosen tag kept among them, so the filter still shows what it filters by. */
function withChosen(tags: string[], chosen: string | undefined): string[] {
  return chosen && !tags.includes(chosen) ? [chosen, ...tags] : tags;
}
