import "server-only";
import type { PolicyFindingStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { orgTeamTree } from "@/lib/org/queries";
import { subtreeIds } from "@/lib/org/tree";
import { teamsWith } from "@/lib/permissions";
import { visibleCoesWhere } from "@/lib/coes/access";
import { findingSelect, ruleSelect } from "@/lib/policies/api-json";
import { visibleFindingsWhere } from "@/lib/policies/access";
import { conditionsSchema, RuleSet } from "@/lib/policies/conditions";
import { conditionFacts } from "@/lib/policies/conditions";
import { ruleApplies, scopeTeams } from "@/lib/policies/applicability";
import type { DryRunInput } from "@/lib/policies/schemas";
import type { CoeRule } from "@/lib/policies/coe-rules";

export type FindingFilter = {
  teamId?: string;
  serviceId?: string;
  ruleId?: string;
  status?: PolicyFindingStatus;
  severity?: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
  kind?: "RISK" | "OPPORTUNITY";
  category?: string;
};

/**
 * The `where` of a findings list: what the caller may see, narrowed by the filters. A team filter
 * means its subtree; a team the caller cannot read yields nothing rather than an error.
 */
async function findingsWhere(user: CurrentUser, filter: FindingFilter): Promise<Prisma.PolicyFindingWhereInput> {
  const and: Prisma.PolicyFindingWhereInput[] = [visibleFindingsWhere(user)];
  if (filter.teamId) and.push({ teamId: { in: subtreeIds(await orgTeamTree(user.organizationId), filter.teamId) } });
  if (filter.serviceId) and.push({ serviceId: filter.serviceId });
  if (filter.ruleId) and.push({ ruleId: filter.ruleId });
  and.push(filter.status ? { status: filter.status } : { status: { in: ["OPEN", "ACKNOWLEDGED"] } });
  if (filter.severity || filter.kind || filter.category) {
    and.push({
      rule: {
        ...(filter.severity ? { severity: filter.severity } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.category ? { category: filter.category } : {}),
      },
    });
  }
  return { AND: and };
}

/** A page of findings, newest episode first, with a cursor of (openedAt, id). */
export async function listFindings(user: CurrentUser, filter: FindingFilter, page: { limit: number; after?: { openedAt: Date; id: string } | null }) {
  const where = await findingsWhere(user, filter);
  const after = page.after;
  const rows = await db.policyFinding.findMany({
    where: after ? { AND: [where, { OR: [{ openedAt: { lt: after.openedAt } }, { openedAt: after.openedAt, id: { lt: after.id } }] }] } : where,
    select: findingSelect,
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
  });
  return rows;
}

export async function getFinding(user: CurrentUser, findingId: string) {
  return db.policyFinding.findFirst({
    where: { AND: [{ id: findingId }, visibleFindingsWhere(user)] },
    select: {
      ...findingSelect,
      rule: { select: { id: true, name: true, severity: true, kind: true, category: true, description: true, remediation: true, conditions: true } },
      events: { select: { id: true, kind: true, episode: true, occurredAt: true, actor: { select: { name: true } } }, orderBy: { id: "desc" }, take: 50 },
      acknowledgments: {
        select: {
          id: true,
          category: true,
          reason: true,
          expiresAt: true,
          status: true,
          decisionNote: true,
          createdAt: true,
          decidedAt: true,
          requestedById: true,
          requestedBy: { select: { name: true } },
          decidedBy: { select: { name: true } },
        },
        orderBy: { createdAt: "desc" },
      },
      correctiveAction: { select: { id: true, title: true, status: true } },
    },
  });
}

/** Every rule of the organization (rules are the organization's policy: everyone may read them) with its failing counts in the caller's view. */
export async function listRules(user: CurrentUser, filter: { status?: string; q?: string } = {}) {
  const rules = await db.policyRule.findMany({
    where: {
      organizationId: user.organizationId,
      ...(filter.status ? { status: filter.status as "DRAFT" | "ENFORCED" | "DISABLED" } : {}),
      ...(filter.q ? { name: { contains: filter.q, mode: "insensitive" as const } } : {}),
    },
    select: { ...ruleSelect, scopeTeam: { select: { name: true } }, sourceCoe: { select: { id: true, title: true } } },
    orderBy: [{ status: "asc" }, { name: "asc" }],
  });
  const counts = await db.policyFinding.groupBy({
    by: ["ruleId", "status"],
    where: { AND: [visibleFindingsWhere(user), { status: { in: ["OPEN", "ACKNOWLEDGED"] } }] },
    _count: { _all: true },
  });
  const byRule = new Map<string, { open: number; acknowledged: number }>();
  for (const row of counts) {
    const entry = byRule.get(row.ruleId) ?? { open: 0, acknowledged: 0 };
    if (row.status === "OPEN") entry.open += row._count._all;
    else entry.acknowledged += row._count._all;
    byRule.set(row.ruleId, entry);
  }
  return rules.map((rule) => ({ ...rule, counts: byRule.get(rule.id) ?? { open: 0, acknowledged: 0 } }));
}

export async function getRule(user: CurrentUser, ruleId: string) {
  const rule = await db.policyRule.findFirst({
    where: { id: ruleId, organizationId: user.organizationId },
    select: {
      ...ruleSelect,
      scopeTeam: { select: { id: true, name: true } },
      ownerTeam: { select: { id: true, name: true } },
      sourceCoe: { select: { id: true, title: true } },
      // How many findings a delete would take with it (every team's: they all go).
      _count: { select: { findings: true } },
      revisions: {
        select: { id: true, version: true, summary: true, createdAt: true, changedBy: { select: { name: true } } },
        orderBy: { version: "desc" },
        take: 30,
      },
    },
  });
  if (!rule) return null;
  const sourceCoeVisible = rule.sourceCoe ? await db.coe.count({ where: { AND: [{ id: rule.sourceCoe.id }, visibleCoesWhere(user)] } }) : 0;
  return { ...rule, sourceCoe: sourceCoeVisible ? rule.sourceCoe : null };
}

/**
 * "Did ignoring it hurt?": COEs (that the caller may read) whose incident started on a service while
 * it was failing or acknowledged for this rule, after the finding opened.
 */
export async function incidentsAfterFindings(user: CurrentUser, ruleId: string) {
  const findings = await db.policyFinding.findMany({
    where: { AND: [{ ruleId }, visibleFindingsWhere(user)] },
    select: { serviceId: true, firstOpenedAt: true },
  });
  if (findings.length === 0) return [];
  return db.coe.findMany({
    where: {
      AND: [
        visibleCoesWhere(user),
        { OR: findings.slice(0, 200).map((finding) => ({ startedAt: { gte: finding.firstOpenedAt }, services: { some: { serviceId: finding.serviceId } } })) },
      ],
    },
    select: { id: true, title: true, severity: true, startedAt: true },
    orderBy: { startedAt: "desc" },
    take: 20,
  });
}

/** Fact keys that exist in the organization with their type, for the rule editor's pickers. */
export async function factCatalog(user: CurrentUser) {
  const rows = await db.$queryRaw<{ key: string; type: string; services: number }[]>`
    SELECT key, min(type::text) AS type, count(*)::int AS services FROM service_facts WHERE organization_id = ${user.organizationId} GROUP BY key ORDER BY key`;
  return rows.map((row) => ({ key: row.key, type: row.type.toLowerCase() as "number" | "boolean" | "string" | "datetime", services: row.services }));
}

/** A service's facts (readable by everyone in the organization, like the service itself). */
export async function serviceFacts(user: CurrentUser, serviceId: string) {
  return db.serviceFact.findMany({
    where: { organizationId: user.organizationId, serviceId },
    select: { key: true, type: true, value: true, source: true, observedAt: true, changedAt: true },
    orderBy: { key: "asc" },
  });
}

/**
 * A rule's result without writing anything: which services would fail, across the whole organization
 * (or the scope's subtree). Service names are readable by everyone in the organization.
 */
export async function dryRunRule(user: CurrentUser, input: DryRunInput) {
  const conditions = conditionsSchema.parse(input.conditions);
  const keys = conditionFacts(conditions);
  if (input.applicableFactKey) keys.add(input.applicableFactKey);
  const [services, teams, facts] = await Promise.all([
    db.service.findMany({
      where: { organizationId: user.organizationId },
      select: { id: true, name: true, teamId: true, team: { select: { name: true } } },
      orderBy: { name: "asc" },
    }),
    orgTeamTree(user.organizationId),
    db.serviceFact.findMany({ where: { organizationId: user.organizationId, key: { in: [...keys] } }, select: { serviceId: true, key: true, value: true } }),
  ]);
  const byService = new Map<string, Record<string, number | boolean | string | null>>();
  for (const fact of facts)
    byService.set(fact.serviceId, { ...(byService.get(fact.serviceId) ?? {}), [fact.key]: fact.value as number | boolean | string | null });
  const rule = { id: "dry-run", conditions, scopeTeamId: input.scopeTeamId ?? null, applicableFactKey: input.applicableFactKey ?? null };
  const scope = scopeTeams([rule], teams).get(rule.id);
  const ruleSet = new RuleSet([rule]);
  const failing: { id: string; name: string; teamName: string; facts: Record<string, unknown> }[] = [];
  let applicable = 0;
  for (const service of services) {
    const serviceFacts = byService.get(service.id) ?? {};
    if (!ruleApplies(rule, scope, service, serviceFacts)) continue;
    applicable += 1;
    if (ruleSet.failing(serviceFacts).has(rule.id)) {
      failing.push({
        id: service.id,
        name: service.name,
        teamName: service.team.name,
        facts: Object.fromEntries([...keys].map((key) => [key, serviceFacts[key] ?? null])),
      });
    }
  }
  return { applicable, total: services.length, failing };
}

/** Teams whose findings the caller reads in full, and the team the compliance view opens on. */
export async function complianceRoots(user: CurrentUser) {
  const teams = await orgTeamTree(user.organizationId);
  const readable = teamsWith(user, "team.view");
  const readableSet = readable === "all" ? null : new Set(readable);
  // The highest teams the caller reads: those whose parent they cannot read.
  const roots = teams.filter((team) => (readableSet ? readableSet.has(team.id) && !(team.parentId && readableSet.has(team.parentId)) : team.parentId === null));
  return { teams, roots, canRead: (teamId: string) => readableSet === null || readableSet.has(teamId) };
}

/** The COE a rule is made from ("make this a rule"), if the caller may read it. */
export async function coeForRule(user: CurrentUser, coeId: string) {
  return db.coe.findFirst({ where: { AND: [{ id: coeId }, visibleCoesWhere(user)] }, select: { id: true, title: true, teamId: true, lessonsLearned: true } });
}

/** Rules made from a COE's lessons (read with the COE: lib/policies/coe-rules.ts), each with how many services it checks and how many fail now. */
export async function coeRuleResults(user: CurrentUser, rules: CoeRule[]) {
  return Promise.all(
    rules.map(async (rule) => {
      const parsed = conditionsSchema.safeParse(rule.conditions);
      const result = parsed.success
        ? await dryRunRule(user, {
            conditions: parsed.data,
            scopeTeamId: rule.scopeTeamId ?? undefined,
            applicableFactKey: rule.applicableFactKey ?? undefined,
          })
        : null;
      return { id: rule.id, name: rule.name, status: rule.status, checks: result?.applicable ?? 0, failing: result?.failing.length ?? 0 };
    }),
  );
}
