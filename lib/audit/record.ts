import "server-only";
import type { DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  organizationId: string;
  actorId: string | null;
  /** `noun.verb`, e.g. `team.moved`. */
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  changes?: Prisma.InputJsonValue;
};

/** Appends to the audit log. Called by mutations inside the same transaction as the change. */
export async function recordAudit(tx: DbClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: entry });
}

type JsonScalar = string | number | boolean | null;
export type FieldChanges = { [field: string]: { from: JsonScalar; to: JsonScalar } };

function toJsonScalar(value: unknown): JsonScalar {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/** `{ field: { from, to } }` for the fields that differ; undefined values in `next` are ignored. */
export function changedFields<T extends Record<string, unknown>>(previous: T, next: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) continue;
    const before = toJsonScalar(previous[key]);
    const after = toJsonScalar(value);
    if (before !== after) changes[key] = { from: before, to: after };
  }
  return changes;
}
