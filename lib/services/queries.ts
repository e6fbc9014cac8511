import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { visibleActionsWhere } from "@/lib/actions/access";
import { visibleCoesWhere } from "@/lib/coes/access";
import { visibleServicesWhere } from "@/lib/org/access";

// The service page (app/(app)/services/[serviceId]). The org tree is readable by everyone in the
// organization (lib/org/access.ts): anyone may open a service's page — and pull its cord — while
// the COEs and actions on it stay scoped to what the reader may see.

export async function findServiceForPage(user: CurrentUser, serviceId: string) {
  return db.service.findFirst({
    where: { AND: [{ id: serviceId }, visibleServicesWhere(user)] },
    select: { id: true, name: true, description: true, teamId: true, team: { select: { id: true, name: true, parentId: true } } },
  });
}

export type ServicePageService = NonNullable<Awaited<ReturnType<typeof findServiceForPage>>>;

/** The service's latest COEs the reader may see, newest incident first. */
export async function serviceRecentCoes(user: CurrentUser, serviceId: string, take = 8) {
  return db.coe.findMany({
    where: { AND: [visibleCoesWhere(user), { services: { some: { serviceId } } }] },
    select: { id: true, title: true, status: true, severity: true, startedAt: true, createdAt: true },
    orderBy: [{ startedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take,
  });
}

/** Unfinished corrective actions from COEs about the service, soonest due first. */
export async function serviceOpenActions(user: CurrentUser, serviceId: string, take = 10) {
  return db.correctiveAction.findMany({
    where: { AND: [visibleActionsWhere(user), { status: { in: ["OPEN", "IN_PROGRESS"] }, coe: { services: { some: { serviceId } } } }] },
    select: { id: true, title: true, status: true, priority: true, dueDate: true, owner: { select: { name: true } } },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take,
  });
}
