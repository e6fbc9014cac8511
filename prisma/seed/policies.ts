import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { libraryRevisionSummary, libraryRuleRow, RULE_LIBRARY } from "../../lib/policies/library";
import { DEMO_ORG_ID, DEMO_SERVICES, DEMO_TEAMS } from "./constants";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/** Library rules enforced in the demo (the certificate rule stays disabled: the tour enables it). */
const ENFORCED = new Set(["single-az", "backup-restore-untested", "idle-service", "secrets-not-rotated", "owner-team-too-small", "overdue-actions"]);

type FactRow = { serviceId: string; key: string; type: "NUMBER" | "BOOLEAN" | "STRING" | "DATETIME"; value: Prisma.InputJsonValue };

/** Facts per demo service: a mix that passes and fails the enforced rules. */
function demoFacts(): FactRow[] {
  const facts: FactRow[] = [];
  const add = (serviceId: string, key: string, type: FactRow["type"], value: number | boolean | string) => facts.push({ serviceId, key, type, value });
  DEMO_SERVICES.forEach((service, index) => {
    add(service.id, "deploy.multiAz", "BOOLEAN", !["svc_payments", "svc_search", "svc_objects"].includes(service.id));
    add(service.id, "deploy.autoscaling", "BOOLEAN", index % 3 !== 0);
    if (index % 4 !== 3) add(service.id, "backup.lastRestoreTest", "DATETIME", daysAgo(index % 2 === 0 ? 20 + index : 120 + index * 5).toISOString());
    add(service.id, "cpu.p95Utilization", "NUMBER", [42, 61, 35, 7, 55, 48, 5, 70, 22, 38][index] ?? 40);
    add(service.id, "secrets.lastRotatedAt", "DATETIME", daysAgo(index % 3 === 1 ? 140 : 30).toISOString());
    add(service.id, "oncall.hasRotation", "BOOLEAN", service.id !== "svc_refunds");
    add(service.id, "lifecycle", "STRING", "production");
  });
  // Certificates only on Platform's services: the Retail tour pushes its own.
  add("svc_dns", "tls.expiresAt", "DATETIME", new Date(Date.now() + 12 * DAY).toISOString());
  add("svc_objects", "tls.expiresAt", "DATETIME", new Date(Date.now() + 200 * DAY).toISOString());
  return facts;
}

/**
 * The demo organization's policies: the rule library (some enforced), facts on every service, a few
 * findings (one acknowledged, one waiting for a decision) and eleven past weeks of compliance, so
 * /policies is alive on first start. The app's startup evaluation adds the rest of the findings and
 * this week's numbers. Fixed ids; runs once on an empty database.
 */
export async function seedDemoPolicies(db: PrismaClient): Promise<void> {
  await db.policyRule.createMany({
    data: RULE_LIBRARY.map((entry) => ({
      id: `rule_${entry.key}`,
      organizationId: DEMO_ORG_ID,
      ...libraryRuleRow(entry),
      status: ENFORCED.has(entry.key) ? ("ENFORCED" as const) : ("DISABLED" as const),
      createdById: "user_admin",
    })),
  });
  await db.policyRuleRevision.createMany({
    data: RULE_LIBRARY.map((entry) => ({
      ruleId: `rule_${entry.key}`,
      version: 1,
      changedById: "user_admin",
      summary: libraryRevisionSummary(entry),
      snapshot: { name: entry.name, conditions: entry.conditions } as Prisma.InputJsonValue,
    })),
  });
  const observedAt = daysAgo(1);
  const facts = demoFacts();
  await db.serviceFact.createMany({
    data: facts.map((fact) => ({
      id: `fact_${fact.serviceId}_${fact.key}`,
      organizationId: DEMO_ORG_ID,
      source: "demo",
      observedAt,
      changedAt: observedAt,
      ...fact,
    })),
  });
  await db.serviceFactChange.createMany({ data: facts.map((fact) => ({ organizationId: DEMO_ORG_ID, source: "demo", observedAt, ...fact })) });

  // Single-AZ findings (they fail the enforced rule): one acknowledged, one with a pending request.
  const opened = daysAgo(9);
  const finding = (id: string, serviceId: string, teamId: string, status: "OPEN" | "ACKNOWLEDGED") => ({
    id,
    organizationId: DEMO_ORG_ID,
    ruleId: "rule_single-az",
    serviceId,
    teamId,
    status,
    factValues: { "deploy.multiAz": false },
    firstOpenedAt: opened,
    openedAt: opened,
    lastEvaluatedAt: observedAt,
  });
  await db.policyFinding.createMany({
    data: [
      finding("finding_payments_single_az", "svc_payments", DEMO_TEAMS.payments.id, "OPEN"),
      finding("finding_search_single_az", "svc_search", DEMO_TEAMS.catalog.id, "ACKNOWLEDGED"),
      finding("finding_objects_single_az", "svc_objects", DEMO_TEAMS.storage.id, "OPEN"),
    ],
  });
  await db.policyFindingEvent.createMany({
    data: [
      { findingId: "finding_payments_single_az", kind: "OPENED", episode: 1, occurredAt: opened },
      { findingId: "finding_search_single_az", kind: "OPENED", episode: 1, occurredAt: opened },
      { findingId: "finding_search_single_az", kind: "ACKNOWLEDGED", episode: 1, occurredAt: daysAgo(7), actorId: "user_manager" },
      { findingId: "finding_objects_single_az", kind: "OPENED", episode: 1, occurredAt: opened },
      { findingId: "finding_payments_single_az", kind: "ACK_REQUESTED", episode: 1, occurredAt: daysAgo(1), actorId: "user_member" },
    ],
  });
  await db.findingAcknowledgment.createMany({
    data: [
      {
        id: "ack_search_single_az",
        organizationId: DEMO_ORG_ID,
        findingId: "finding_search_single_az",
        category: "MITIGATED_ELSEWHERE",
        reason: "Search is served from the CDN cache when the zone is down; a second zone is planned for next quarter.",
        expiresAt: new Date(Date.now() + 60 * DAY),
        status: "APPROVED",
        requestedById: "user_reviewer",
        decidedById: "user_manager",
        decidedAt: daysAgo(7),
        decisionNote: "Fine until the migration.",
        createdAt: daysAgo(8),
      },
      {
        id: "ack_payments_single_az",
        organizationId: DEMO_ORG_ID,
        findingId: "finding_payments_single_az",
        category: "ACCEPTED_RISK",
        reason: "The processor's own redundancy covers a zone outage for card payments.",
        expiresAt: new Date(Date.now() + 30 * DAY),
        status: "REQUESTED",
        requestedById: "user_member",
        createdAt: daysAgo(1),
      },
    ],
  });

  // Eleven past weeks of compliance per team with services, improving slowly.
  const monday = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const perTeam = new Map<string, number>();
  for (const service of DEMO_SERVICES) perTeam.set(service.teamId, (perTeam.get(service.teamId) ?? 0) + 1);
  const snapshots = [];
  for (let week = 11; week >= 1; week -= 1) {
    for (const [teamId, services] of perTeam) {
      const applicable = services * 5;
      const failing = Math.max(0, Math.round(applicable * (0.15 + week * 0.02)));
      snapshots.push({
        organizationId: DEMO_ORG_ID,
        teamId,
        weekStart: new Date(monday.getTime() - week * 7 * DAY),
        applicable,
        failing,
        acknowledged: week < 2 ? 1 : 0,
        failingCritical: 0,
        failingHigh: Math.min(failing, services),
      });
    }
  }
  await db.complianceSnapshot.createMany({ data: snapshots });
}
