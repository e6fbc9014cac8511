import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The columns every cord answer needs: the API shape, event payloads, the list. */
export const cordSelect = {
  id: true,
  severity: true,
  problem: true,
  customerImpact: true,
  link: true,
  pulledAt: true,
  resolvedAt: true,
  resolutionNote: true,
  teamId: true,
  coeId: true,
  service: { select: { id: true, name: true, teamId: true } },
  pulledBy: { select: { id: true, name: true } },
  resolvedBy: { select: { id: true, name: true } },
  coe: { select: { status: true } },
  _count: { select: { events: { where: { kind: "PLUS_ONE" } } } },
} satisfies Prisma.CordSelect;
export type CordRow = Prisma.CordGetPayload<{ select: typeof cordSelect }>;

/**
 * A customer-facing cord needs a COE past draft: until one exists the cord shows "COE due" (also
 * while the cord is still open, so the owners know what resolving leads to).
 */
function coeDue(row: { severity: string; coeId: string | null; coe: { status: string } | null }): boolean {
  return row.severity === "CUSTOMER_DEFECT" && (row.coe === null || row.coe.status === "DRAFT");
}

/** The API shape of a cord (lib/cords/api-schemas.ts `cordSchema`). */
export function cordJson(row: CordRow) {
  return {
    id: row.id,
    status: row.resolvedAt ? ("resolved" as const) : ("open" as const),
    severity: row.severity,
    problem: row.problem,
    customerImpact: row.customerImpact,
    link: row.link,
    service: { id: row.service.id, name: row.service.name },
    teamId: row.teamId,
    pulledBy: row.pulledBy,
    pulledAt: row.pulledAt.toISOString(),
    plusOnes: row._count.events,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy,
    resolutionNote: row.resolutionNote,
    coeId: row.coeId,
    coeDue: coeDue(row),
    url: `/cords/${row.id}`,
  };
}
export type CordJson = ReturnType<typeof cordJson>;
