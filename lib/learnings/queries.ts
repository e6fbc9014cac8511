import "server-only";
import type { AdoptionStatus, CoeStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleCoesSql, visibleCoesWhere, visibleCoeWhere } from "@/lib/coes/access";
import { bestPracticeJsonSelect, lessonJsonSelect } from "@/lib/learnings/api-json";
import { orgTeamTree } from "@/lib/org/queries";
import { childrenByParent } from "@/lib/org/tree";
import type { CurrentUser } from "@/lib/auth/principal";
import { recurrencePairsSql } from "@/lib/learnings/recurrence";
import { canEditLessons, canPromoteFrom, visibleLessonsWhere } from "@/lib/learnings/access";
import { lookupLabel } from "@/lib/lookup/queries";

/** A COE as the learnings panels need it: who may edit its lessons follows from these. */
export type LearningsCoe = { id: string; teamId: string; createdById: string | null; authorIds: string[] };

/** A COE's lessons (the caller has already been shown the COE), with what the caller may do. */
export async function lessonsForCoe(user: CurrentUser, coe: LearningsCoe) {
  const lessons = await db.lesson.findMany({
    where: { coeId: coe.id, ...visibleLessonsWhere(user) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      statement: true,
      detail: true,
      tags: true,
      status: true,
      version: true,
      categories: { select: { category: { select: { id: true, name: true } } } },
      services: { select: { service: { select: { id: true, name: true } } } },
      bestPractices: { select: { id: true }, take: 1 },
    },
  });
  return {
    canEdit: canEditLessons(user, coe),
    canPromote: canPromoteFrom(user, coe.teamId),
    lessons: lessons.map((lesson) => ({
      id: lesson.id,
      statement: lesson.statement,
      detail: lesson.detail,
      tags: lesson.tags,
      status: lesson.status,
      version: lesson.version,
      categories: lesson.categories.map((link) => link.category),
      services: lesson.services.map((link) => link.service),
      bestPracticeId: lesson.bestPractices[0]?.id ?? null,
    })),
  };
}

/** COEs linked to this one as related, either way round, that the caller may see: one statement. */
export async function relatedCoes(user: CurrentUser, coeId: string) {
  return db.$queryRaw<{ id: string; title: string; status: CoeStatus }[]>(Prisma.sql`
    SELECT c.id, c.title, c.status::text AS status FROM coes c
    WHERE c.id IN (SELECT r.related_coe_id FROM coe_relations r WHERE r.coe_id = ${coeId} UNION SELECT r.coe_id FROM coe_relations r WHERE r.related_coe_id = ${coeId})
      AND ${visibleCoesSql(user)}
    ORDER BY c.title, c.id`);
}

type RecurrenceAction = { id: string; title: string; status: string; verifiedAt: Date | null };
export type Recurrence = {
  coeId: string;
  title: string;
  approvedAt: Date;
  services: string[];
  categories: string[];
  actions: RecurrenceAction[];
  /** Actions marked verified whose problem came back: the strongest sign the fix did not work. */
  verifiedButRecurred: number;
};

/**
 * Earlier COEs this one recurs (lib/learnings/recurrence.ts: same service and same factor category,
 * approved within the 180 days before this incident started), with their corrective actions.
 */
export async function recurrencesOf(user: CurrentUser, coeId: string): Promise<Recurrence[]> {
  const rows = await db.$queryRaw<
    {
      coeId: string;
      title: string;
      approvedAt: number;
      services: string[];
      categories: string[];
      actions: { id: string; title: string; status: string; verifiedAt: number | null }[];
    }[]
  >`
    WITH pairs AS (${recurrencePairsSql(
      Prisma.sql`SELECT s.id FROM coes s WHERE s.id = ${coeId} AND s.organization_id = ${user.organizationId}`,
      visibleCoesSql(user),
    )}),
    named AS (
      SELECT p.earlier_id AS id, sv.name AS service, fc.name AS category
      FROM pairs p JOIN services sv ON sv.id = p.service_id JOIN factor_categories fc ON fc.id = p.category_id
    )
    SELECT c.id AS "coeId", c.title, extract(epoch FROM c.approved_at) * 1000 AS "approvedAt",
      ARRAY(SELECT DISTINCT n.service FROM named n WHERE n.id = c.id) AS services,
      ARRAY(SELECT DISTINCT n.category FROM named n WHERE n.id = c.id) AS categories,
      COALESCE((SELECT json_agg(json_build_object('id', a.id, 'title', a.title, 'status', a.status, 'verifiedAt', extract(epoch FROM a.verified_at) * 1000) ORDER BY a.created_at)
                FROM corrective_actions a WHERE a.coe_id = c.id), '[]'::json) AS actions
    FROM coes c WHERE c.id IN (SELECT earlier_id FROM pairs)
    ORDER BY c.approved_at DESC
    LIMIT 5`;
  return rows.map((row) => {
    const actions = row.actions.map((action) => ({ ...action, verifiedAt: action.verifiedAt === null ? null : new Date(Number(action.verifiedAt)) }));
    return {
      ...row,
      approvedAt: new Date(Number(row.approvedAt)),
      actions,
      verifiedButRecurred: actions.filter((action) => action.status === "VERIFIED").length,
    };
  });
}

export async function listBestPractices(user: CurrentUser) {
  return db.bestPractice.findMany({
    where: { organizationId: user.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
    select: { id: true, title: true, createdAt: true, _count: { select: { adoptions: { where: { status: "ADOPTED" } } } } },
  });
}

export type AdoptionState = AdoptionStatus | "NOT_YET";
type AdoptionNode = {
  teamId: string;
  name: string;
  depth: number;
  state: AdoptionState;
  reason: string;
  correctiveAction: { id: string; title: string; status: string } | null;
  policyRuleId: string | null;
  /** Over this team and every team below it. */
  rollUp: Record<AdoptionState, number>;
};

/** A best practice with where it came from and its adoption over the whole org tree, rolled up. */
export async function getBestPractice(user: CurrentUser, id: string) {
  const practice = await db.bestPractice.findFirst({
    where: { id, organizationId: user.organizationId },
    select: {
      id: true,
      title: true,
      description: true,
      version: true,
      createdAt: true,
      promotedById: true,
      promotedBy: { select: { name: true } },
      lesson: { select: { id: true, statement: true } },
      coeId: true,
      reviewDecision: { select: { id: true, review: { select: { id: true, isoWeek: true, series: { select: { name: true } } } } } },
      adoptions: {
        select: { teamId: true, status: true, reason: true, policyRuleId: true, correctiveAction: { select: { id: true, title: true, status: true } } },
      },
    },
  });
  if (!practice) return null;
  // The source COE shows only to those who may read it (a restricted COE stays hidden).
  const coe = practice.coeId
    ? await db.coe.findFirst({ where: { AND: [{ id: practice.coeId }, visibleCoesWhere(user)] }, select: { id: true, title: true } })
    : null;
  const teams = await orgTeamTree(user.organizationId);
  const byTeam = new Map(practice.adoptions.map((adoption) => [adoption.teamId, adoption]));
  const children = childrenByParent(teams);
  const nodes: AdoptionNode[] = [];
  const walk = (parentId: string | null, depth: number): Record<AdoptionState, number> => {
    const total: Record<AdoptionState, number> = { ADOPTED: 0, NOT_APPLICABLE: 0, NOT_YET: 0 };
    for (const team of [...(children.get(parentId) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      const adoption = byTeam.get(team.id);
      const state: AdoptionState = adoption?.status ?? "NOT_YET";
      const node: AdoptionNode = {
        teamId: team.id,
        name: team.name,
        depth,
        state,
        reason: adoption?.reason ?? "",
        correctiveAction: adoption?.correctiveAction ?? null,
        policyRuleId: adoption?.policyRuleId ?? null,
        rollUp: { ADOPTED: 0, NOT_APPLICABLE: 0, NOT_YET: 0 },
      };
      nodes.push(node);
      const below = walk(team.id, depth + 1);
      node.rollUp = {
        ADOPTED: below.ADOPTED + (state === "ADOPTED" ? 1 : 0),
        NOT_APPLICABLE: below.NOT_APPLICABLE + (state === "NOT_APPLICABLE" ? 1 : 0),
        NOT_YET: below.NOT_YET + (state === "NOT_YET" ? 1 : 0),
      };
      for (const key of ["ADOPTED", "NOT_APPLICABLE", "NOT_YET"] as const) total[key] += node.rollUp[key];
    }
    return total;
  };
  const totals = walk(null, 0);
  return { ...practice, coe, adoption: nodes, totals };
}

/** Library filter options besides the category and tag choices (searchLibrary reads those): the team tree and the chosen service's name. */
export async function libraryFilterOptions(user: CurrentUser, filter: { service?: string; team?: string }) {
  const [serviceLabel, teamLabel] = await Promise.all([lookupLabel(user, "services", filter.service), lookupLabel(user, "teams", filter.team)]);
  return { serviceLabel, teamLabel };
}

/** The ids of a page of lessons (already scoped by lessonIdsForApi), in that order, in the API's shape. */
export async function lessonsInOrder(user: CurrentUser, ids: string[]) {
  const rows = await db.lesson.findMany({ where: { id: { in: ids }, organizationId: user.organizationId }, select: lessonJsonSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** A page of the organization's best practices, newest first, after a (created ms, id) cursor. */
export async function bestPracticesPage(user: CurrentUser, after: [number, string] | null, take: number) {
  return db.bestPractice.findMany({
    where: {
      organizationId: user.organizationId,
      ...(after ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: bestPracticeJsonSelect,
  });
}

export async function bestPracticeForApi(user: CurrentUser, id: string) {
  return db.bestPractice.findFirst({ where: { id, organizationId: user.organizationId }, select: bestPracticeJsonSelect });
}

/** The COE's id, team and authors when the caller may read it (null otherwise). */
export async function coeForLearnings(user: CurrentUser, coeId: string) {
  const coe = await db.coe.findFirst({
    where: visibleCoeWhere(user, coeId),
    select: { id: true, teamId: true, createdById: true, authors: { select: { userId: true } } },
  });
  return coe ? { id: coe.id, teamId: coe.teamId, createdById: coe.createdById, authorIds: coe.authors.map((author) => author.userId) } : null;
}
