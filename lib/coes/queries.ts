import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/principal";
import { teamsWith } from "@/lib/permissions";
import { orgTeamTree } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";
import { lifecycleActor, visibleCoeWhere, visibleCoesWhere } from "@/lib/coes/access";
import { missingForReview } from "@/lib/coes/completeness";
import { availableTransitions, isAuthor, offersEdit } from "@/lib/coes/lifecycle";
import type { CoeListFilter } from "@/lib/coes/schemas";
import { searchCoeIds, searchCoes, searchSnippets, searchVisibleCoesPage, type SearchHighlights } from "@/lib/coes/search";
import { lookupLabel } from "@/lib/lookup/queries";
import { loadSnapshotRow, snapshotSelect, toSnapshot } from "@/lib/coes/snapshot-db";
import type { CoeSnapshot } from "@/lib/coes/snapshot";
import { coalesceRevisions } from "@/lib/coes/revision-steps";
import { COE_RULES_SHOWN, coeRuleSelect } from "@/lib/policies/coe-rules";

const COES_PAGE_SIZE = 20;

const listSelect = {
  id: true,
  title: true,
  severity: true,
  status: true,
  restricted: true,
  startedAt: true,
  updatedAt: true,
  team: { select: { id: true, name: true } },
  authors: { select: { user: { select: { name: true } } } },
  services: { select: { service: { select: { name: true } } } },
  // The latest decision only: a draft a reviewer sent back shows as "changes requested", not plain "draft".
  reviews: { select: { decision: true }, orderBy: { createdAt: "desc" }, take: 1 },
} satisfies Prisma.CoeSelect;

const ORDER: Record<Exclude<CoeListFilter["sort"], "relevance">, Prisma.CoeOrderByWithRelationInput[]> = {
  newest: [{ startedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
  oldest: [{ startedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
  severity: [{ severity: "asc" }, { startedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "asc" }],
};

async function filterWhere(user: CurrentUser, filter: CoeListFilter): Promise<Prisma.CoeWhereInput[]> {
  const where: Prisma.CoeWhereInput[] = [visibleCoesWhere(user)];
  if (filter.teamId) {
    where.push({ teamId: { in: subtreeIds(await orgTeamTree(user.organizationId), filter.teamId) } });
  }
  if (filter.serviceId) where.push({ services: { some: { serviceId: filter.serviceId } } });
  if (filter.status) where.push({ status: filter.status });
  if (filter.severity) where.push({ severity: filter.severity });
  if (filter.categoryId) where.push({ factors: { some: { categoryId: filter.categoryId } } });
  if (filter.authorId) where.push({ authors: { some: { userId: filter.authorId } } });
  if (filter.from) where.push({ startedAt: { gte: new Date(`${filter.from}T00:00:00Z`) } });
  if (filter.to) where.push({ startedAt: { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } });
  return where;
}

export type CoeListRow = Prisma.CoeGetPayload<{ select: typeof listSelect }> & {
  /** With a search: the title and a snippet with the matches marked (lib/coes/headline.ts). */
  highlights: SearchHighlights | null;
  rank: number | null;
};

/** The list rows of one page, in the page's order. Callers pass ids from the visibility-scoped query. */
async function rowsInOrder(organizationId: string, pageIds: string[]): Promise<Prisma.CoeGetPayload<{ select: typeof listSelect }>[]> {
  if (pageIds.length === 0) return [];
  const unordered = await db.coe.findMany({ where: { organizationId, id: { in: pageIds } }, select: listSelect });
  const byId = new Map(unordered.map((row) => [row.id, row]));
  return pageIds.map((id) => byId.get(id)).filter((row) => row !== undefined);
}

function pageCountOf(total: number): number {
  return Math.max(1, Math.ceil(total / COES_PAGE_SIZE));
}

/** The list page: visible COEs, filtered, sorted (by relevance when searching) and paged. */
export async function listCoes(user: CurrentUser, filter: CoeListFilter): Promise<{ rows: CoeListRow[]; total: number; pageCount: number; page: number }> {
  const where = await filterWhere(user, filter);
  const query = filter.q?.trim();
  const sort = filter.sort === "relevance" && !query ? "newest" : filter.sort;
  let ranks: Map<string, number> | null = null;
  let total: number;
  let page: number;
  let pageIds: string[];
  const onlySearch = query && sort === "relevance" && where.length === 1;
  if (onlySearch) {
    // A plain search: the visibility rule is in the ranking statement, which returns the count and
    // the page's ids in one go (before: 2,000 ranked ids sent back as parameters to check them).
    const found = await searchVisibleCoesPage(user, query, filter.page, COES_PAGE_SIZE);
    ranks = new Map(found.matches.map((match) => [match.id, match.rank]));
    total = found.total;
    page = found.page;
    pageIds = found.matches.map((match) => match.id);
  } else if (query) {
    // With other filters: at most MAX_SEARCH_MATCHES matches, best first; the visible ones among them, in the page's
    // order, give both the count and the page (ids only, so no relation is built for them).
    const matches = await searchCoes(user.organizationId, query);
    ranks = new Map(matches.map((match) => [match.id, match.rank]));
    where.push({ id: { in: matches.map((match) => match.id) } });
    const visible = await db.coe.findMany({ where: { AND: where }, select: { id: true }, ...(sort === "relevance" ? {} : { orderBy: ORDER[sort] }) });
    let orderedIds = visible.map((row) => row.id);
    if (sort === "relevance") {
      const visibleIds = new Set(orderedIds);
      orderedIds = matches.filter((match) => visibleIds.has(match.id)).map((match) => match.id);
    }
    total = orderedIds.length;
    page = Math.min(filter.page, pageCountOf(total));
    pageIds = orderedIds.slice((page - 1) * COES_PAGE_SIZE, page * COES_PAGE_SIZE);
  } else {
    total = await db.coe.count({ where: { AND: where } });
    page = Math.min(filter.page, pageCountOf(total));
    // The page's ids first, then their rows: with relation joins, one query that sorts and pages
    // would build the team, authors and services of every visible COE before keeping twenty
    // (355 ms instead of 10 on the whole organization's list).
    const pageRows = await db.coe.findMany({
      where: { AND: where },
      select: { id: true },
      orderBy: ORDER[sort === "relevance" ? "newest" : sort],
      skip: (page - 1) * COES_PAGE_SIZE,
      take: COES_PAGE_SIZE,
    });
    pageIds = pageRows.map((row) => row.id);
  }
  const [rows, highlights] = await Promise.all([
    rowsInOrder(user.organizationId, pageIds),
    query ? searchSnippets(user.organizationId, pageIds, query) : new Map<string, SearchHighlights>(),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, highlights: highlights.get(row.id) ?? null, rank: ranks?.get(row.id) ?? null })),
    total,
    pageCount: pageCountOf(total),
    page,
  };
}

/**
 * Choices for the list filters: the team tree and the factor categories. Services and people are
 * type-ahead pickers (/api/lookup/…); only the names of the chosen ones are read, for their labels.
 */
export async function coeListFilterOptions(user: CurrentUser, chosen: { teamId?: string; serviceId?: string; authorId?: string }) {
  const [teamLabel, categories, serviceLabel, authorLabel] = await Promise.all([
    lookupLabel(user, "teams", chosen.teamId),
    db.factorCategory.findMany({ where: { organizationId: user.organizationId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    lookupLabel(user, "services", chosen.serviceId),
    // "My COEs" names the reader, who is already loaded.
    chosen.authorId === user.userId ? user.name : lookupLabel(user, "people", chosen.authorId),
  ]);
  return { teamLabel, categories, serviceLabel, authorLabel };
}

/** Choices for the editor's pickers. */
export async function coeFormOptions(user: CurrentUser) {
  // No service or people lists: the editor's pickers search them through the lookup routes, and the
  // blameless-writing hints ask which typed words begin a colleague's name (/api/lookup/colleague-names).
  const [teams, categories] = await Promise.all([
    orgTeamTree(user.organizationId).then((teams) => teams.map(({ id, name, parentId }) => ({ id, name, parentId }))),
    db.factorCategory.findMany({ where: { organizationId: user.organizationId }, select: { id: true, name: true, retiredAt: true }, orderBy: { name: "asc" } }),
  ]);
  const writable = teamsWith(user, "coe.write");
  return {
    teams,
    writableTeams: writable === "all" ? teams : teams.filter((team) => writable.includes(team.id)),
    categories: categories.map((category) => ({ id: category.id, name: category.name, retired: category.retiredAt !== null })),
  };
}

/**
 * A COE for the read view, with what the caller may do to it; null when it is not visible. Cached
 * per request, so the page and its metadata share one load.
 */
export const getCoeForView = cache(async function getCoeForView(user: CurrentUser, coeId: string) {
  // The document, the read view's own dates, its review threads, decisions and attachments, the cord
  // it was started from and the rules made from its lessons: one statement with relation joins.
  const loaded = await db.coe.findFirst({
    where: visibleCoeWhere(user, coeId),
    select: {
      ...snapshotSelect,
      createdAt: true,
      submittedAt: true,
      approvedAt: true,
      closedAt: true,
      createdBy: { select: { name: true } },
      reviewThreads: {
        select: {
          id: true,
          section: true,
          resolvedAt: true,
          createdAt: true,
          resolvedBy: { select: { name: true } },
          comments: { select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
        },
        orderBy: { createdAt: "asc" },
      },
      reviews: {
        select: { id: true, decision: true, note: true, version: true, createdAt: true, reviewer: { select: { name: true } } },
        orderBy: { createdAt: "desc" },
      },
      attachments: { select: { id: true, fileName: true, byteSize: true, contentType: true }, orderBy: { createdAt: "asc" } },
      cord: { select: { id: true, service: { select: { name: true } } } },
      policyRules: { where: { organizationId: user.organizationId }, select: coeRuleSelect, orderBy: { createdAt: "asc" }, take: COE_RULES_SHOWN },
    },
  });
  if (!loaded) return null;
  const { createdAt, submittedAt, approvedAt, closedAt, createdBy, reviewThreads: threads, reviews, attachments, cord, policyRules, ...row } = loaded;
  const snapshot = toSnapshot(row);
  const extra = { createdAt, submittedAt, approvedAt, closedAt, createdBy };
  const actor = lifecycleActor(user, row.teamId);
  const lifecycleState = {
    status: row.status,
    authorIds: snapshot.authors.map((author) => author.id),
    createdById: row.createdById,
    actionStatuses: snapshot.actions.map((action) => action.status),
    missing: [],
  };
  const author = isAuthor(lifecycleState, user.userId);
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updatedAt,
    snapshot,
    meta: extra,
    threads,
    reviews,
    attachments,
    createdById: row.createdById,
    cord,
    rules: policyRules,
    missing: missingForReview(snapshot),
    permissions: {
      edit: offersEdit(lifecycleState, actor),
      comment: actor.canWrite || actor.canReview || author,
      transitions: availableTransitions(lifecycleState, actor),
      isAuthor: author,
    },
  };
});

/** The current document, for the editor and the export. */
export async function getCoeSnapshot(
  user: CurrentUser,
  coeId: string,
): Promise<{ id: string; version: number; updatedAt: Date; snapshot: CoeSnapshot; teamId: string; createdById: string | null } | null> {
  const row = await loadSnapshotRow(db, visibleCoeWhere(user, coeId));
  if (!row) return null;
  return { id: row.id, version: row.version, updatedAt: row.updatedAt, snapshot: toSnapshot(row), teamId: row.teamId, createdById: row.createdById };
}

export const REVISION_STEPS_PAGE_SIZE = 20;

/**
 * The revision history as steps (one per author per sitting, see revision-steps.ts), a page at a time,
 * newest first. Every revision is read (version, author, time: no snapshots) because a step can span any
 * number of them; `containing` picks the page whose step holds that version when no page is asked for.
 */
export async function listRevisionSteps(user: CurrentUser, coeId: string, options: { page?: number; containing?: number } = {}) {
  const coe = await db.coe.findFirst({ where: visibleCoeWhere(user, coeId), select: { id: true } });
  if (!coe) return null;
  const rows = await db.coeRevision.findMany({
    where: { coeId: coe.id },
    select: { version: true, summary: true, createdAt: true, authorId: true, author: { select: { name: true } } },
    orderBy: { version: "asc" },
  });
  const steps = coalesceRevisions(rows.map(({ author, ...row }) => ({ ...row, authorName: author?.name ?? null })));
  const pageCount = Math.max(1, Math.ceil(steps.length / REVISION_STEPS_PAGE_SIZE));
  const containingIndex =
    options.containing === undefined ? -1 : steps.findIndex((step) => step.firstVersion <= options.containing! && options.containing! <= step.lastVersion);
  const wanted = options.page ?? (containingIndex >= 0 ? Math.floor(containingIndex / REVISION_STEPS_PAGE_SIZE) + 1 : 1);
  const page = Math.min(Math.max(1, wanted), pageCount);
  return {
    steps: steps.slice((page - 1) * REVISION_STEPS_PAGE_SIZE, page * REVISION_STEPS_PAGE_SIZE),
    stepCount: steps.length,
    page,
    pageCount,
    latestVersion: rows.at(-1)?.version ?? 0,
    /** Where the newest step's changes start, the comparison the history opens on. */
    newestStepBase: steps[0]?.baseVersion ?? 0,
  };
}

export async function getRevisionSnapshots(user: CurrentUser, coeId: string, versions: number[]): Promise<Map<number, CoeSnapshot> | null> {
  const coe = await db.coe.findFirst({ where: visibleCoeWhere(user, coeId), select: { id: true } });
  if (!coe) return null;
  const revisions = await db.coeRevision.findMany({ where: { coeId: coe.id, version: { in: versions } }, select: { version: true, snapshot: true } });
  return new Map(revisions.map((revision) => [revision.version, revision.snapshot as unknown as CoeSnapshot]));
}

/** An image's bytes, only when the COE it belongs to is visible to the caller. */
export async function getAttachment(user: CurrentUser, coeId: string, attachmentId: string) {
  return db.coeAttachment.findFirst({
    where: { id: attachmentId, coe: visibleCoeWhere(user, coeId) },
    select: { data: true, contentType: true, fileName: true, sha256: true },
  });
}

export function canCreateCoe(user: CurrentUser): boolean {
  const writable = teamsWith(user, "coe.write");
  return writable === "all" || writable.length > 0;
}

/**
 * The API's COE list: COEs the caller may read, filtered, newest change first, keyset-paginated on
 * (updatedAt, id). Returns up to `limit + 1` rows so the caller can tell whether a next page exists.
 */
export async function listCoesForApi(
  user: CurrentUser,
  filter: { status?: Prisma.CoeWhereInput["status"]; severity?: Prisma.CoeWhereInput["severity"]; teamId?: string; q?: string; limit: number },
  after: readonly [string, string] | null,
) {
  const where: Prisma.CoeWhereInput[] = [visibleCoesWhere(user)];
  if (filter.status) where.push({ status: filter.status });
  if (filter.severity) where.push({ severity: filter.severity });
  if (filter.teamId) where.push({ teamId: { in: subtreeIds(await orgTeamTree(user.organizationId), filter.teamId) } });
  if (filter.q) where.push({ id: { in: await searchCoeIds(user.organizationId, filter.q) } });
  if (after) {
    const updatedAt = new Date(after[0]);
    where.push({ OR: [{ updatedAt: { lt: updatedAt } }, { updatedAt, id: { gt: after[1] } }] });
  }
  const rows = await db.coe.findMany({
    where: { AND: where },
    select: { id: true, title: true, teamId: true, severity: true, status: true, restricted: true, startedAt: true, updatedAt: true, version: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: filter.limit + 1,
  });
  return rows.map((row) => ({ ...row, startedAt: row.startedAt?.toISOString() ?? null, updatedAt: row.updatedAt.toISOString() }));
}

/**
 * The editor's attachments and open review threads of a COE. Takes an id the caller already read
 * through a scoped query (getCoeSnapshot), so it does not check visibility again.
 */
/** The COE's images with their bytes, for the Markdown export to embed; empty when the COE is not visible. */
export async function coeExportImages(user: CurrentUser, coeId: string) {
  return db.coeAttachment.findMany({
    where: { coe: visibleCoeWhere(user, coeId) },
    select: { id: true, fileName: true, contentType: true, data: true },
    orderBy: { createdAt: "asc" },
  });
}

export async function coeEditorExtras(user: CurrentUser, coeId: string) {
  const coe = visibleCoeWhere(user, coeId);
  const [attachments, openThreads] = await Promise.all([
    db.coeAttachment.findMany({ where: { coeId, coe }, select: { id: true, fileName: true }, orderBy: { createdAt: "asc" } }),
    db.reviewThread.findMany({
      where: { coeId, coe, resolvedAt: null },
      select: { id: true, section: true, comments: { select: { body: true, author: { select: { name: true } } }, orderBy: { createdAt: "asc" } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return { attachments, openThreads };
}
