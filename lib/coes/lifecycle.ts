import { FINISHED_ACTION_STATUSES } from "@/lib/actions/labels";
import { type CoeStatus, type CorrectiveActionStatus } from "@/lib/generated/prisma/enums";
import type { Transition } from "@/lib/coes/schemas";

/**
 * The COE lifecycle as a table: draft → in review → approved → closed, with "changes requested"
 * and "withdraw" going back to draft. Who may make each move is decided here, from facts the
 * caller computes with lib/permissions.ts, so the rules can be tested without a database.
 */
export type LifecycleActor = {
  userId: string;
  /** coe.write on the COE's team (admins included). */
  canWrite: boolean;
  /** coe.review on the COE's team (admins included). */
  canReview: boolean;
};

export type LifecycleCoe = {
  status: CoeStatus;
  authorIds: readonly string[];
  createdById: string | null;
  actionStatuses: readonly CorrectiveActionStatus[];
  /** Messages from missingForReview; only submit looks at them. */
  missing: readonly string[];
};

type Rule = { from: CoeStatus; to: CoeStatus; verb: string };

const TRANSITION_RULES: Record<Transition, Rule> = {
  submit: { from: "DRAFT", to: "IN_REVIEW", verb: "submit it for review" },
  withdraw: { from: "IN_REVIEW", to: "DRAFT", verb: "withdraw it from review" },
  approve: { from: "IN_REVIEW", to: "APPROVED", verb: "approve it" },
  requestChanges: { from: "IN_REVIEW", to: "DRAFT", verb: "request changes" },
  close: { from: "APPROVED", to: "CLOSED", verb: "close it" },
};

export const TRANSITION_LABELS: Record<Transition, string> = {
  submit: "Submit for review",
  withdraw: "Withdraw from review",
  approve: "Approve",
  requestChanges: "Request changes",
  close: "Close",
};

export function isAuthor(coe: Pick<LifecycleCoe, "authorIds" | "createdById">, userId: string): boolean {
  return coe.createdById === userId || coe.authorIds.includes(userId);
}

/** Authors and the team's writers edit drafts and COEs in review; approved ones are the record. */
export function canEditCoe(coe: Pick<LifecycleCoe, "status" | "authorIds" | "createdById">, actor: LifecycleActor): boolean {
  if (coe.status !== "DRAFT" && coe.status !== "IN_REVIEW") return false;
  return actor.canWrite || isAuthor(coe, actor.userId);
}

/**
 * Whether the COE page offers "Edit". As canEditCoe, except for a reviewer who is not an author
 * while the COE is in review: a reviewer reviews with comments and a decision, and is never shown
 * the authors' buttons. (The editor itself still lets the team's writers in: this is what is offered.)
 */
export function offersEdit(coe: Pick<LifecycleCoe, "status" | "authorIds" | "createdById">, actor: LifecycleActor): boolean {
  if (coe.status === "IN_REVIEW" && actor.canReview && !isAuthor(coe, actor.userId)) return false;
  return canEditCoe(coe, actor);
}

export type TransitionCheck = { ok: true; to: CoeStatus } | { ok: false; reason: string };

export function checkTransition(transition: Transition, coe: LifecycleCoe, actor: LifecycleActor): TransitionCheck {
  const rule = TRANSITION_RULES[transition];
  if (coe.status !== rule.from) {
    return { ok: false, reason: `This COE is ${coe.status.toLowerCase().replace("_", " ")}, so you cannot ${rule.verb} now.` };
  }
  const author = isAuthor(coe, actor.userId);
  switch (transition) {
    case "submit":
    case "withdraw":
      if (!author && !actor.canWrite) return { ok: false, reason: `Only the authors or writers on the owning team can ${rule.verb}.` };
      if (transition === "submit" && coe.missing.length > 0) {
        return { ok: false, reason: `Before review, this COE still needs: ${coe.missing.join(" ")}` };
      }
      break;
    case "approve":
    case "requestChanges":
      if (!actor.canReview) return { ok: false, reason: `Only a reviewer of the owning team can ${rule.verb}.` };
      if (author) return { ok: false, reason: `Authors cannot ${rule.verb} on their own COE; ask another reviewer.` };
      break;
    case "close":
      if (!author && !actor.canWrite && !actor.canReview) return { ok: false, reason: "Only the authors or the owning team can close this COE." };
      if (coe.actionStatuses.some((status) => !FINISHED_ACTION_STATUSES.includes(status))) {
        return { ok: false, reason: "A COE closes when every corrective action is done, verified or marked won't do." };
      }
      break;
  }
  return { ok: true, to: rule.to };
}

export function availableTransitions(coe: LifecycleCoe, actor: LifecycleActor): Transition[] {
  // Submit stays visible while items are missing: the page lists them instead of hiding the button.
  return (Object.keys(TRANSITION_RULES) as Transition[]).filter((transition) => {
    const result = checkTransition(transition, { ...coe, missing: [] }, actor);
    return result.ok;
  });
}
