/**
 * The recurrence rule, shared by the COE page ("recurrence of #…") and the metrics page's recurrence
 * list: a COE recurs an earlier one when both name the same service and the same contributing-factor
 * category, and the earlier one was approved within the 180 days before the later incident started
 * (before it was created, when the start is not known yet).
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
