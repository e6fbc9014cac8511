/**
 * The event catalog: every domain event Andon emits, in one list (outgoing webhooks, chat messages
 * and the OpenAPI `webhooks` section all read it). Add a feature's events here as it lands.
 */
export const EVENT_TYPES = {
  "coe.created": "A COE was created (as a draft).",
  "coe.submitted": "A COE was submitted for review.",
  "coe.changes_requested": "A reviewer asked for changes to a COE.",
  "coe.approved": "A COE was approved and published.",
  "coe.closed": "A COE was closed: all its corrective actions are finished.",
  "action.created": "A corrective action was created.",
  "action.assigned": "A corrective action got a new owner.",
  "action.status_changed": "A corrective action changed status (open, in progress, done, won't do).",
  "action.due_soon": "A corrective action is due within three days.",
  "action.overdue": "A corrective action is past its due date.",
  "action.escalated": "An overdue corrective action was escalated up the org tree.",
  "action.verified": "A finished corrective action was verified.",
  "action.deleted": "A COE's open corrective action that nobody had started was removed in the COE editor (the data is the action as it was).",
  "review.agenda_ready": "A weekly review's agenda was built.",
  "review.minutes_published": "A weekly review's minutes were published.",
  "review.weekly_digest":
    "A team subtree's weekly digest (its overdue corrective actions, the week's new COEs, metric breaches), sent once per ISO week to endpoints with the weekly digest option when a review agenda in that subtree is announced.",
  "cord.pulled": "The Andon cord was pulled on a service: the line is stopped.",
  "cord.plus_one": "Someone pulled the cord on a service already stopped (a +1 with their note).",
  "cord.note_added": "The owning team added a note to an open cord's timeline.",
  "cord.deploy_blocked": "The deploy gate refused a deploy because of an open cord.",
  "cord.override_granted": "A manager granted a one-time deploy override during a stop.",
  "cord.override_used": "A deploy passed the gate during a stop on a break-glass override (which is now used up).",
  "cord.resolved": "The owning team resolved a cord: the line runs again.",
  "finding.opened": "A policy rule failed for a service: a new finding was opened.",
  "finding.resolved": "A finding resolved by itself: its rule passes again for the service.",
  "finding.reopened": "A resolved finding failed again (a new episode of the same finding).",
  "finding.acknowledged": "A finding's acknowledgment (waiver) was approved: it counts as acknowledged until the waiver expires.",
  "acknowledgment.requested": "A member of the owning team asked for an acknowledgment (waiver) of a finding.",
  "acknowledgment.decided": "A manager approved or denied an acknowledgment request.",
  "acknowledgment.expired": "An approved acknowledgment expired: its finding is open again.",
  "rule.created": "A policy rule was created.",
  "rule.updated": "A policy rule's conditions, scope or texts changed.",
  "rule.enforced": "A policy rule was enforced: it now writes findings.",
  "rule.disabled": "A policy rule was disabled: its open findings are resolved.",
  "rule.deleted": "A policy rule was deleted together with its findings (the data is the rule as it was).",
  "verification.recorded": "A service's verification in one dimension was recorded (passed, failed or not applicable).",
  "verification.expiring": "A service's verification expires within 14 days.",
  "verification.expired": "A service's verification expired: it no longer counts as verified.",
  "game_day.planned": "A game day was planned.",
  "game_day.started": "A game day started (run mode).",
  "game_day.run_recorded": "A game-day experiment's run was recorded (a Chaos Toolkit journal imported or a verdict given in run mode).",
  "game_day.experiment_aborted": "A game-day experiment was aborted; the reason and its rollbacks are recorded.",
  "game_day.finished": "A game day finished.",
  "lesson.created": "A lesson was added to a COE (a draft until its author confirms it).",
  "lesson.confirmed": "A COE's author confirmed a lesson: it is in the learnings library.",
  "lesson.deleted": "A lesson was removed from its COE.",
  "best_practice.promoted": "A lesson or a weekly review decision was promoted to an organization-wide best practice.",
  "best_practice.updated": "A best practice's title or description changed.",
  "best_practice.adopted": "A team adopted a best practice (with a corrective action or a policy rule).",
  "best_practice.not_applicable": "A team marked a best practice not applicable, with its reason.",
  "webhook.test": "A test event sent from an endpoint's page in Settings → Webhooks (Send test event).",
} as const satisfies Record<string, string>;

export type EventType = keyof typeof EVENT_TYPES;

/**
 * The weekly digest is not an outbox event: it is chosen with an endpoint's own option (weeklyDigest)
 * and queued per endpoint when a review agenda is announced (lib/webhooks/digest-mutations.ts).
 */
export const WEEKLY_DIGEST_EVENT = "review.weekly_digest" satisfies EventType;

/** The types an endpoint subscribes to one by one (everything but the digest, which has its own option). */
export const SUBSCRIBABLE_EVENT_TYPES = (Object.keys(EVENT_TYPES) as EventType[]).filter((type) => type !== WEEKLY_DIGEST_EVENT);

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_TYPES, value);
}
