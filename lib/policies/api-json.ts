import type { Prisma } from "@/lib/generated/prisma/client";

// The API's JSON shapes (also the `data` of domain events), built from one select each.

export const ruleSelect = {
  id: true,
  name: true,
  description: true,
  remediation: true,
  kind: true,
  severity: true,
  category: true,
  status: true,
  conditions: true,
  scopeTeamId: true,
  applicableFactKey: true,
  ownerTeamId: true,
  libraryKey: true,
  sourceCoeId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PolicyRuleSelect;

export type RuleRow = Prisma.PolicyRuleGetPayload<{ select: typeof ruleSelect }>;

export function ruleJson(rule: RuleRow) {
  return {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    remediation: rule.remediation,
    kind: rule.kind,
    severity: rule.severity,
    category: rule.category,
    status: rule.status,
    conditions: rule.conditions as Record<string, unknown>,
    scopeTeamId: rule.scopeTeamId,
    applicableFactKey: rule.applicableFactKey,
    ownerTeamId: rule.ownerTeamId,
    libraryKey: rule.libraryKey,
    sourceCoeId: rule.sourceCoeId,
    version: rule.version,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

export const findingSelect = {
  id: true,
  ruleId: true,
  serviceId: true,
  teamId: true,
  status: true,
  factValues: true,
  episode: true,
  firstOpenedAt: true,
  openedAt: true,
  resolvedAt: true,
  lastEvaluatedAt: true,
  correctiveActionId: true,
  version: true,
  rule: { select: { name: true, severity: true, kind: true, category: true } },
  service: { select: { name: true } },
  team: { select: { name: true } },
} satisfies Prisma.PolicyFindingSelect;

export type FindingRow = Prisma.PolicyFindingGetPayload<{ select: typeof findingSelect }>;

export function findingJson(finding: FindingRow) {
  return {
    id: finding.id,
    ruleId: finding.ruleId,
    ruleName: finding.rule.name,
    severity: finding.rule.severity,
    kind: finding.rule.kind,
    category: finding.rule.category,
    serviceId: finding.serviceId,
    serviceName: finding.service.name,
    teamId: finding.teamId,
    teamName: finding.team.name,
    status: finding.status,
    factValues: finding.factValues as Record<string, unknown>,
    episode: finding.episode,
    firstOpenedAt: finding.firstOpenedAt.toISOString(),
    openedAt: finding.openedAt.toISOString(),
    resolvedAt: finding.resolvedAt?.toISOString() ?? null,
    lastEvaluatedAt: finding.lastEvaluatedAt.toISOString(),
    correctiveActionId: finding.correctiveActionId,
    version: finding.version,
  };
}

export const acknowledgmentSelect = {
  id: true,
  findingId: true,
  category: true,
  reason: true,
  expiresAt: true,
  status: true,
  requestedById: true,
  decidedById: true,
  decidedAt: true,
  decisionNote: true,
  createdAt: true,
} satisfies Prisma.FindingAcknowledgmentSelect;

export type AcknowledgmentRow = Prisma.FindingAcknowledgmentGetPayload<{ select: typeof acknowledgmentSelect }>;

export function acknowledgmentJson(ack: AcknowledgmentRow) {
  return {
    id: ack.id,
    findingId: ack.findingId,
    category: ack.category,
    reason: ack.reason,
    expiresAt: ack.expiresAt.toISOString(),
    status: ack.status,
    requestedById: ack.requestedById,
    decidedById: ack.decidedById,
    decidedAt: ack.decidedAt?.toISOString() ?? null,
    decisionNote: ack.decisionNote,
    createdAt: ack.createdAt.toISOString(),
  };
}
