import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The recurrence rule, shared by the COE page ("recurrence of #…") and the metrics page's recurrence
 * list: a COE recurs an earlier one when both name the same service and the same contributing-factor
 * category, and the earlier one was approved within the 180 days before the later incident started
 * (before it was created, when the start is not known yet). `isRecurrence` states it for one pair;
 * `recurrencePairsSql` is the same rule as the one statement both readers run.
 */
export const RECURRENCE_DAYS = 180;
const DAY_MS = 86_400_000;

export type RecurrenceCandidate = { serviceIds: readonly string[]; categoryIds: readonly string[]; approvedAt: Date | null };
export type RecurrenceSubject = { serviceIds: readonly string[]; categoryIds: readonly string[]; startedAt: Date | null; createdAt: Date };

/** When the later incident counts from: its start, else when its COE was created. */
function recurrenceMoment(subject: Pick<RecurrenceSubject, "startedAt" | "createdAt">): Date {
  return subject.startedAt ?? subject.createdAt;
}

export function isRecurrence(subject: RecurrenceSubject, earlier: RecurrenceCandidate): boolean {
  if (!earlier.approvedAt) return false;
  const moment = recurrenceMoment(subject).getTime();
  const approved = earlier.approvedAt.getTime();
  if (approved >= moment || moment - approved > RECURRENCE_DAYS * DAY_MS) return false;
  const services = new Set(subject.serviceIds);
  const categories = new Set(subject.categoryIds);
  return earlier.serviceIds.some((id) => services.has(id)) && earlier.categoryIds.some((id) => categories.has(id));
}

/**
 * Every (coe_id, earlier_id, service_id, category_id) where a COE whose id `subjectIds` selects recurs
 * an earlier COE that `candidate` admits (a condition on the earlier COE, aliased `c`: the caller's
 * visibility or scope), with `moment` (when the later incident counts from) and the earlier
 * `earlier_approved_at`. One row per shared service and category.
 */
export function recurrencePairsSql(subjectIds: Prisma.Sql, candidate: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT me.id AS coe_id, c.id AS earlier_id, mys.service_id, myf.category_id,
      COALESCE(me.started_at, me.created_at) AS moment, c.approved_at AS earlier_approved_at
    FROM coes me
    JOIN coe_services mys ON mys.coe_id = me.id
    JOIN contributing_factors myf ON myf.coe_id = me.id
    JOIN coe_services cs ON cs.service_id = mys.service_id AND cs.coe_id <> me.id
    JOIN contributing_factors cf ON cf.coe_id = cs.coe_id AND cf.category_id = myf.category_id
    JOIN coes c ON c.id = cs.coe_id AND c.organization_id = me.organization_id
    WHERE me.id IN (${subjectIds})
      AND c.approved_at < COALESCE(me.started_at, me.created_at)
      AND c.approved_at >= COALESCE(me.started_at, me.created_at) - make_interval(days => ${RECURRENCE_DAYS}::int)
      AND ${candidate}`;
}
