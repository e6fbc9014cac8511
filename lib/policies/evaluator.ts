import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type DbClient } from "@/lib/db";
import { lockForTransaction } from "@/lib/db-lock";
import { notifyUsersInBulk } from "@/lib/notifications/mutations";
import { conditionFacts, conditionsSchema, RuleSet, type FactMap } from "@/lib/policies/conditions";
import { FACT_PROVIDERS } from "@/lib/policies/fact-providers";
import { storedFactValue, writeFacts } from "@/lib/policies/fact-mutations";
import { ruleApplies, scopeTeams } from "@/lib/policies/applicability";
import { refreshComplianceSnapshots, type KnownRulesAndTeams } from "@/lib/policies/compliance-snapshots";
import { utc } from "@/lib/policies/sql";

export type EvaluationScope = {
  organizationId: string;
  /** Only these rules (after a rule changed); all enforced rules when omitted. */
  ruleIds?: string[];
  /** Only these services (after their facts changed); every service when omitted. */
  serviceIds?: string[];
  /** Recompute the built-in providers' facts first (the nightly pass and scheduled runs). */
  collectProviders?: boolean;
};

export type EvaluationResult = { rules: number; services: number; opened: number; reopened: number; resolved: number; failing: number; ms: number };

type LoadedRule = { id: string; name: string; conditions: unknown; scopeTeamId: string | null; applicableFactKey: string | null; status: string };
type ExistingFinding = { id: string; rule_id: string; service_id: string; team_id: string; status: "OPEN" | "ACKNOWLEDGED" | "RESOLVED"; episode: number };
type Failing = { ruleId: string; serviceId: string; teamId: string; factValues: Record<string, unknown> };

/** Recomputes every registered provider's facts for the scope, through the one fact write path. */
export async function collectProviderFacts(organizationId: string, serviceIds: string[] | null): Promise<string[]> {
  const changed = new Set<string>();
  const observedAt = new Date();
  for (const provider of FACT_PROVIDERS) {
    const types = new Map(provider.facts.map((fact) => [fact.key, fact.type]));
    const collected = await provider.collect(organizationId, serviceIds);
    const writes = collected.map((fact) => ({
      serviceId: fact.serviceId,
      key: fact.key,
      type: types.get(fact.key) ?? "string",
      value: storedFactValue(fact.value),
      observedAt,
    }));
    for (const serviceId of await writeFacts(db, organizationId, provider.source, writes, { touchUnchanged: false })) changed.add(serviceId);
  }
  return [...changed];
}

/** Rows per write statement: bounds the size of one statement's JSON parameter (a full pass writes thousands). */
const WRITE_CHUNK = 2_000;

function chunks<T>(items: T[], size = WRITE_CHUNK): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * Evaluates rules against service facts and writes the findings. One evaluation per organization at
 * a time (an advisory lock held by the transaction), so two instances or two queued jobs never race:
 * the second waits and then sees the first's findings. Facts are loaded in one statement (a row per
 * service), every rule runs in memory per service (json-rules-engine's operators, compiled once), the
 * existing findings are compared with the result, and only the differences are written — each kind
 * of change with one statement per chunk, its history and domain events in the same statement.
 */
export async function evaluatePolicies(scope: EvaluationScope): Promise<EvaluationResult> {
  const started = Date.now();
  if (scope.collectProviders) await collectProviderFacts(scope.organizationId, scope.serviceIds ?? null);
  return db.$transaction(
    async (tx) => {
      await lockForTransaction(tx, `policy-eval:${scope.organizationId}`);
      const { touchedTeamIds, known, ...result } = await evaluateLocked(tx, scope);
      // After some services' facts changed only their teams' counts can move; otherwise recount all.
      await refreshComplianceSnapshots(tx, scope.organizationId, { teamIds: scope.serviceIds ? touchedTeamIds : undefined, known });
      return { ...result, ms: Date.now() - started };
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}

async function evaluateLocked(
  tx: DbClient,
  scope: EvaluationScope,
): Promise<Omit<EvaluationResult, "ms"> & { touchedTeamIds: string[]; known?: KnownRulesAndTeams }> {
  const { organizationId } = scope;
  const now = new Date();
  const rules: LoadedRule[] = await tx.policyRule.findMany({
    where: { organizationId, ...(scope.ruleIds ? { id: { in: scope.ruleIds } } : { status: "ENFORCED" }) },
    select: { id: true, name: true, conditions: true, scopeTeamId: true, applicableFactKey: true, status: true },
  });
  const enforced = rules.flatMap((rule) => {
    const parsed = conditionsSchema.safeParse(rule.conditions);
    return rule.status === "ENFORCED" && parsed.success ? [{ ...rule, conditions: parsed.data }] : [];
  });
  const [services, teams] = await Promise.all([
    tx.service.findMany({ where: { organizationId, ...(scope.serviceIds ? { id: { in: scope.serviceIds } } : {}) }, select: { id: true, teamId: true } }),
    tx.team.findMany({ where: { organizationId }, select: { id: true, parentId: true } }),
  ]);
  const keys = new Set<string>();
  for (const rule of enforced) {
    conditionFacts(rule.conditions, keys);
    if (rule.applicableFactKey) keys.add(rule.applicableFactKey);
  }
  const facts = await loadFacts(tx, organizationId, scope.serviceIds ?? null, [...keys]);
  const scopes = scopeTeams(enforced, teams);
  const ruleSet = new RuleSet(enforced, now);
  const ruleFacts = new Map(enforced.map((rule) => [rule.id, [...conditionFacts(rule.conditions)]]));

  const failing: Failing[] = [];
  for (const service of services) {
    const serviceFacts = facts.get(service.id) ?? {};
    const applicable = enforced.filter((rule) => ruleApplies(rule, scopes.get(rule.id), service, serviceFacts));
    if (applicable.length === 0) continue;
    const failed = ruleSet.failing(serviceFacts);
    for (const rule of applicable) {
      if (!failed.has(rule.id)) continue;
      const seen: Record<string, unknown> = {};
      for (const key of ruleFacts.get(rule.id)!) seen[key] = serviceFacts[key] ?? null;
      failing.push({ ruleId: rule.id, serviceId: service.id, teamId: service.teamId, factValues: seen });
    }
  }

  const ruleIds = rules.map((rule) => rule.id);
  const existing = ruleIds.length
    ? await tx.$queryRaw<ExistingFinding[]>`
        SELECT id, rule_id, service_id, team_id, status::text AS status, episode FROM policy_findings
        WHERE organization_id = ${organizationId} AND rule_id = ANY(${ruleIds}::text[])
          ${scope.serviceIds ? Prisma.sql`AND service_id = ANY(${scope.serviceIds}::text[])` : Prisma.empty}`
    : [];
  const byPair = new Map(existing.map((finding) => [`${finding.rule_id}:${finding.service_id}`, finding]));
  const failingPairs = new Set(failing.map((item) => `${item.ruleId}:${item.serviceId}`));

  const toOpen = failing.filter((item) => !byPair.has(`${item.ruleId}:${item.serviceId}`));
  const toReopen = failing.filter((item) => byPair.get(`${item.ruleId}:${item.serviceId}`)?.status === "RESOLVED");
  const stillFailing = failing.filter((item) => {
    const status = byPair.get(`${item.ruleId}:${item.serviceId}`)?.status;
    return status === "OPEN" || status === "ACKNOWLEDGED";
  });
  const toResolve = existing.filter((finding) => finding.status !== "RESOLVED" && !failingPairs.has(`${finding.rule_id}:${finding.service_id}`));

  const at = utc(now);
  const opened = await insertFindings(tx, organizationId, toOpen, at);
  const reopened = await reopenFindings(tx, organizationId, toReopen, byPair, at);
  await touchFindings(tx, stillFailing, byPair, at);
  const resolved = await resolveFindings(tx, organizationId, toResolve, at);
  await notifyTeams(tx, organizationId, rules, [...opened, ...reopened]);
  return {
    // Without a rule filter, `rules` is every enforced rule: the compliance recount reuses them.
    known: scope.ruleIds ? undefined : { enforcedRules: rules, teams },
    touchedTeamIds: [...new Set([...services.map((service) => service.teamId), ...existing.map((finding) => finding.team_id)])],
    rules: enforced.length,
    services: services.length,
    opened: opened.length,
    reopened: reopened.length,
    resolved: resolved.length,
    failing: failing.length,
  };
}

/** Every needed fact of the scope's services in one statement, one row (a JSON object) per service. */
async function loadFacts(tx: DbClient, organizationId: string, serviceIds: string[] | null, keys: string[]): Promise<Map<string, FactMap>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ service_id: string; facts: FactMap }[]>`
    SELECT service_id, jsonb_object_agg(key, value) AS facts FROM service_facts
    WHERE organization_id = ${organizationId} AND key = ANY(${keys}::text[])
      ${serviceIds ? Prisma.sql`AND service_id = ANY(${serviceIds}::text[])` : Prisma.empty}
    GROUP BY service_id`;
  return new Map(rows.map((row) => [row.service_id, row.facts]));
}

type Written = { id: string; ruleId: string; serviceId: string; teamId: string; episode: number };
type WrittenRow = { id: string; rule_id: string; service_id: string; team_id: string; episode: number };

const written = (row: WrittenRow): Written => ({ id: row.id, ruleId: row.rule_id, serviceId: row.service_id, teamId: row.team_id, episode: row.episode });

/** The domain event of a finding's transition, as the API shows it, written by the statement that makes the transition. */
function eventData(status: "OPEN" | "RESOLVED"): Prisma.Sql {
  return Prisma.sql`jsonb_build_object('id', id, 'ruleId', rule_id, 'serviceId', service_id, 'teamId', team_id, 'status', ${status}::text, 'episode', episode)`;
}

async function insertFindings(tx: DbClient, organizationId: string, items: Failing[], at: Prisma.Sql): Promise<Written[]> {
  const result: Written[] = [];
  for (const chunk of chunks(items)) {
    const rows = chunk.map((item) => ({ rule_id: item.ruleId, service_id: item.serviceId, team_id: item.teamId, fact_values: item.factValues }));
    // ON CONFLICT: the lock makes a conflict impossible, the unique key makes it harmless anyway.
    const inserted = await tx.$queryRaw<WrittenRow[]>`
      WITH inserted AS (
        INSERT INTO policy_findings (id, organization_id, rule_id, service_id, team_id, status, fact_values, episode, first_opened_at, opened_at, last_evaluated_at, version)
        SELECT gen_random_uuid()::text, ${organizationId}, x.rule_id, x.service_id, x.team_id, 'OPEN', x.fact_values, 1, ${at}, ${at}, ${at}, 1
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(rule_id text, service_id text, team_id text, fact_values jsonb)
        ON CONFLICT (rule_id, service_id) DO NOTHING
        RETURNING id, rule_id, service_id, team_id, episode, fact_values
      ), logged AS (
        INSERT INTO policy_finding_events (finding_id, kind, episode, fact_values, occurred_at)
        SELECT id, 'OPENED', 1, fact_values, ${at} FROM inserted
      ), announced AS (
        INSERT INTO domain_events (id, organization_id, type, team_id, data, occurred_at)
        SELECT gen_random_uuid()::text, ${organizationId}, 'finding.opened', team_id, ${eventData("OPEN")}, ${at} FROM inserted
      )
      SELECT id, rule_id, service_id, team_id, episode FROM inserted`;
    result.push(...inserted.map(written));
  }
  return result;
}

async function reopenFindings(
  tx: DbClient,
  organizationId: string,
  items: Failing[],
  byPair: Map<string, ExistingFinding>,
  at: Prisma.Sql,
): Promise<Written[]> {
  const result: Written[] = [];
  for (const chunk of chunks(items)) {
    const rows = chunk.map((item) => ({ id: byPair.get(`${item.ruleId}:${item.serviceId}`)!.id, team_id: item.teamId, fact_values: item.factValues }));
    const updated = await tx.$queryRaw<WrittenRow[]>`
      WITH updated AS (
        UPDATE policy_findings f SET status = 'OPEN', episode = f.episode + 1, opened_at = ${at}, resolved_at = NULL,
          last_evaluated_at = ${at}, fact_values = x.fact_values, team_id = x.team_id, version = f.version + 1
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id text, team_id text, fact_values jsonb)
        WHERE f.id = x.id AND f.status = 'RESOLVED'
        RETURNING f.id, f.rule_id, f.service_id, f.team_id, f.episode, f.fact_values
      ), logged AS (
        INSERT INTO policy_finding_events (finding_id, kind, episode, fact_values, occurred_at)
        SELECT id, 'REOPENED', episode, fact_values, ${at} FROM updated
      ), announced AS (
        INSERT INTO domain_events (id, organization_id, type, team_id, data, occurred_at)
        SELECT gen_random_uuid()::text, ${organizationId}, 'finding.reopened', team_id, ${eventData("OPEN")}, ${at} FROM updated
      )
      SELECT id, rule_id, service_id, team_id, episode FROM updated`;
    result.push(...updated.map(written));
  }
  return result;
}

/**
 * Still failing: moves last_evaluated_at, and the seen values and owning team where they changed.
 * The comparison happens in the statement (`IS DISTINCT FROM`), so an unchanged finding costs a
 * one-column update.
 */
async function touchFindings(tx: DbClient, items: Failing[], byPair: Map<string, ExistingFinding>, at: Prisma.Sql): Promise<void> {
  for (const chunk of chunks(items)) {
    const rows = chunk.map((item) => ({ id: byPair.get(`${item.ruleId}:${item.serviceId}`)!.id, team_id: item.teamId, fact_values: item.factValues }));
    await tx.$executeRaw`
      UPDATE policy_findings f SET last_evaluated_at = ${at},
        fact_values = CASE WHEN f.fact_values IS DISTINCT FROM x.fact_values THEN x.fact_values ELSE f.fact_values END,
        team_id = CASE WHEN f.team_id IS DISTINCT FROM x.team_id THEN x.team_id ELSE f.team_id END
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id text, team_id text, fact_values jsonb)
      WHERE f.id = x.id`;
  }
}

async function resolveFindings(tx: DbClient, organizationId: string, items: ExistingFinding[], at: Prisma.Sql): Promise<Written[]> {
  const result: Written[] = [];
  for (const chunk of chunks(items)) {
    const ids = chunk.map((finding) => finding.id);
    const updated = await tx.$queryRaw<WrittenRow[]>`
      WITH updated AS (
        UPDATE policy_findings SET status = 'RESOLVED', resolved_at = ${at}, last_evaluated_at = ${at}, version = version + 1
        WHERE id = ANY(${ids}::text[]) AND status <> 'RESOLVED'
        RETURNING id, rule_id, service_id, team_id, episode
      ), logged AS (
        INSERT INTO policy_finding_events (finding_id, kind, episode, occurred_at) SELECT id, 'RESOLVED', episode, ${at} FROM updated
      ), ended AS (
        -- A waiver ends with its finding: a later failure is a new episode that needs a new decision.
        UPDATE finding_acknowledgments SET status = 'ENDED' WHERE finding_id IN (SELECT id FROM updated) AND status IN ('REQUESTED', 'APPROVED')
      ), announced AS (
        INSERT INTO domain_events (id, organization_id, type, team_id, data, occurred_at)
        SELECT gen_random_uuid()::text, ${organizationId}, 'finding.resolved', team_id, ${eventData("RESOLVED")}, ${at} FROM updated
      )
      SELECT id, rule_id, service_id, team_id, episode FROM updated`;
    result.push(...updated.map(written));
  }
  return result;
}

/** One notification per team with new failures (not one per finding); the domain events were written with the transitions. */
async function notifyTeams(tx: DbClient, organizationId: string, rules: LoadedRule[], failed: Written[]): Promise<void> {
  if (failed.length === 0) return;
  const byTeam = new Map<string, Written[]>();
  for (const finding of failed) byTeam.set(finding.teamId, [...(byTeam.get(finding.teamId) ?? []), finding]);
  const members = await tx.membership.findMany({
    where: { teamId: { in: [...byTeam.keys()] }, role: { in: ["MEMBER", "REVIEWER", "MANAGER"] }, user: { deactivatedAt: null } },
    select: { teamId: true, userId: true },
  });
  const ruleName = new Map(rules.map((rule) => [rule.id, rule.name]));
  const stamp = Date.now().toString(36);
  const batch = [...byTeam].map(([teamId, findings]) => {
    const first = findings[0]!;
    const title =
      findings.length === 1 ? `New finding: ${ruleName.get(first.ruleId) ?? "a policy rule"} fails` : `${findings.length} new policy findings for your team`;
    const href = findings.length === 1 ? `/policies/findings/${first.id}` : `/policies?team=${teamId}`;
    const userIds = members.filter((member) => member.teamId === teamId).map((member) => member.userId);
    return { userIds, notification: { organizationId, kind: "FINDING_OPENED" as const, title, href, dedupeKey: `findings:${teamId}:${stamp}` } };
  });
  await notifyUsersInBulk(tx, batch);
}
