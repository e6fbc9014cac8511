// How a COE row becomes a snapshot. No server-only marker: the seed script uses it too.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CoeSnapshot, ConflictPayload } from "@/lib/coes/snapshot";

/** What a snapshot needs from the database, in one query. */
export const snapshotSelect = {
  id: true,
  title: true,
  teamId: true,
  severity: true,
  status: true,
  restricted: true,
  startedAt: true,
  detectedAt: true,
  mitigatedAt: true,
  resolvedAt: true,
  whatHappened: true,
  customerImpact: true,
  contributingFactors: true,
  supportingData: true,
  lessonsLearned: true,
  correctiveActionsSummary: true,
  version: true,
  createdById: true,
  updatedAt: true,
  team: { select: { name: true } },
  services: { select: { service: { select: { id: true, name: true } } }, orderBy: { service: { name: "asc" } } },
  authors: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
  timelineEntries: { select: { id: true, occurredAt: true, description: true }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
  factors: { select: { id: true, categoryId: true, description: true, fiveWhys: true, category: { select: { name: true } } }, orderBy: { position: "asc" } },
  links: { select: { id: true, url: true, label: true }, orderBy: { position: "asc" } },
  correctiveActions: {
    // version and teamId: the COE editor changes its actions through lib/actions/mutations.ts, version-checked.
    select: {
      id: true,
      title: true,
      ownerId: true,
      type: true,
      priority: true,
      dueDate: true,
      status: true,
      version: true,
      teamId: true,
      owner: { select: { name: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.CoeSelect;

export type SnapshotRow = Prisma.CoeGetPayload<{ select: typeof snapshotSelect }>;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toSnapshot(row: SnapshotRow): CoeSnapshot {
  return {
    title: row.title,
    teamId: row.teamId,
    teamName: row.team.name,
    severity: row.severity,
    status: row.status,
    restricted: row.restricted,
    services: row.services.map(({ service }) => service),
    authors: row.authors.map(({ user }) => user),
    startedAt: iso(row.startedAt),
    detectedAt: iso(row.detectedAt),
    mitigatedAt: iso(row.mitigatedAt),
    resolvedAt: iso(row.resolvedAt),
    whatHappened: row.whatHappened,
    customerImpact: row.customerImpact,
    contributingFactors: row.contributingFactors,
    supportingData: row.supportingData,
    lessonsLearned: row.lessonsLearned,
    correctiveActionsSummary: row.correctiveActionsSummary,
    timeline: row.timelineEntries.map((entry) => ({ id: entry.id, occurredAt: entry.occurredAt.toISOString(), description: entry.description })),
    factors: row.factors.map((factor) => ({
      id: factor.id,
      categoryId: factor.categoryId,
      categoryName: factor.category.name,
      description: factor.description,
      fiveWhys: factor.fiveWhys,
    })),
    links: row.links,
    actions: row.correctiveActions.map((action) => ({
      id: action.id,
      title: action.title,
      ownerId: action.ownerId,
      ownerName: action.owner?.name ?? null,
      type: action.type,
      priority: action.priority,
      dueDate: action.dueDate ? action.dueDate.toISOString().slice(0, 10) : null,
      status: action.status,
    })),
  };
}

export function conflictPayload(row: SnapshotRow): ConflictPayload {
  return { version: row.version, updatedAt: row.updatedAt.toISOString(), snapshot: toSnapshot(row) };
}
