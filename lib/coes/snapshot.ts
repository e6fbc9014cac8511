import {
  type CoeSeverity,
  type CoeStatus,
  type CorrectiveActionPriority,
  type CorrectiveActionStatus,
  type CorrectiveActionType,
} from "@/lib/generated/prisma/enums";
import type { CoeDocumentInput } from "@/lib/coes/schemas";

/**
 * The whole COE as one JSON value: what a CoeRevision stores, what the export and the revision
 * diff render, and what a conflict answer carries. Names travel with ids so an old revision still
 * reads well after a team or category is renamed.
 */
export type CoeSnapshot = {
  title: string;
  teamId: string;
  teamName: string;
  severity: CoeSeverity;
  status: CoeStatus;
  restricted: boolean;
  services: { id: string; name: string }[];
  authors: { id: string; name: string }[];
  startedAt: string | null;
  detectedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  whatHappened: string;
  customerImpact: string;
  contributingFactors: string;
  supportingData: string;
  lessonsLearned: string;
  correctiveActionsSummary: string;
  timeline: { id: string; occurredAt: string; description: string }[];
  factors: { id: string; categoryId: string; categoryName: string; description: string; fiveWhys: string[] }[];
  links: { id: string; url: string; label: string }[];
  actions: {
    id: string;
    title: string;
    ownerId: string | null;
    ownerName: string | null;
    type: CorrectiveActionType;
    priority: CorrectiveActionPriority;
    dueDate: string | null;
    status: CorrectiveActionStatus;
  }[];
};

/** What a 409 carries: the newer document, so the editor can show the other change. */
export type ConflictPayload = { version: number; updatedAt: string; snapshot: CoeSnapshot };

/** The editable part of a snapshot, in the shape the editor and the save schema use. */
export function snapshotToDocument(snapshot: CoeSnapshot): CoeDocumentInput {
  return {
    title: snapshot.title,
    teamId: snapshot.teamId,
    severity: snapshot.severity,
    restricted: snapshot.restricted,
    serviceIds: snapshot.services.map((service) => service.id),
    authorIds: snapshot.authors.map((author) => author.id),
    startedAt: snapshot.startedAt,
    detectedAt: snapshot.detectedAt,
    mitigatedAt: snapshot.mitigatedAt,
    resolvedAt: snapshot.resolvedAt,
    whatHappened: snapshot.whatHappened,
    customerImpact: snapshot.customerImpact,
    contributingFactors: snapshot.contributingFactors,
    supportingData: snapshot.supportingData,
    lessonsLearned: snapshot.lessonsLearned,
    correctiveActionsSummary: snapshot.correctiveActionsSummary,
    timeline: snapshot.timeline.map(({ id, occurredAt, description }) => ({ id, occurredAt, description })),
    factors: snapshot.factors.map(({ id, categoryId, description, fiveWhys }) => ({ id, categoryId, description, fiveWhys })),
    links: snapshot.links.map(({ id, url, label }) => ({ id, url, label })),
    actions: snapshot.actions.map(({ id, title, ownerId, type, priority, dueDate }) => ({ id, title, ownerId, type, priority, dueDate })),
  };
}
