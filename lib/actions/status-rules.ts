import { type CorrectiveActionStatus } from "@/lib/generated/prisma/enums";

/**
 * Who may move a corrective action from one status to another, as a table so it can be tested
 * without a database. The caller computes the facts about the actor from lib/permissions.ts.
 *
 * - progress (open ↔ in progress) and done: the owner, or anyone with action.update on the team;
 * - verified: action.verify, and never the person who marked it done (proof needs a second pair of eyes);
 * - won't do: action.approveWontDo applies it at once; the owner or action.update only asks for it,
 *   and a manager approves or rejects the request;
 * - reopening a finished action: the owner or action.update (verified ones: action.verify).
 */
export type StatusActor = {
  userId: string;
  isOwner: boolean;
  canUpdate: boolean;
  canVerify: boolean;
  canApproveWontDo: boolean;
};

export type StatusFacts = { status: CorrectiveActionStatus; completedById: string | null; wontDoPending: boolean };

export type StatusCheck = { ok: true; mode: "apply" | "request" } | { ok: false; reason: string };

type Rule = { from: readonly CorrectiveActionStatus[]; who: (actor: StatusActor, facts: StatusFacts) => StatusCheck };

const ownerOrUpdater = (actor: StatusActor): StatusCheck =>
  actor.isOwner || actor.canUpdate
    ? { ok: true, mode: "apply" }
    : { ok: false, reason: "Only the owner or a member of the owning team can change this action; viewers cannot." };

const STATUS_RULES: Record<CorrectiveActionStatus, Rule> = {
  OPEN: {
    from: ["IN_PROGRESS", "DONE", "VERIFIED", "WONT_DO"],
    who: (actor, facts) => {
      if (facts.status === "VERIFIED" && !actor.canVerify)
        return { ok: false, reason: "Only a reviewer or manager of the owning team can reopen a verified action." };
      return ownerOrUpdater(actor);
    },
  },
  IN_PROGRESS: { from: ["OPEN", "DONE"], who: ownerOrUpdater },
  DONE: { from: ["OPEN", "IN_PROGRESS"], who: ownerOrUpdater },
  VERIFIED: {
    from: ["DONE"],
    who: (actor, facts) => {
      if (!actor.canVerify) return { ok: false, reason: "Only a reviewer or manager of the owning team can verify an action." };
      if (facts.completedById === actor.userId) return { ok: false, reason: "Someone other than the person who marked it done must verify it." };
      return { ok: true, mode: "apply" };
    },
  },
  WONT_DO: {
    from: ["OPEN", "IN_PROGRESS"],
    who: (actor, facts) => {
      if (actor.canApproveWontDo) return { ok: true, mode: "apply" };
      if (facts.wontDoPending) return { ok: false, reason: "Won't do is already requested; a manager of the owning team decides." };
      if (actor.isOwner || actor.canUpdate) return { ok: true, mode: "request" };
      return { ok: false, reason: "Only the owner or a member of the owning team can propose won't do." };
    },
  },
};

const LABEL: Record<CorrectiveActionStatus, string> = { OPEN: "open", IN_PROGRESS: "in progress", DONE: "done", VERIFIED: "verified", WONT_DO: "won't do" };

export function checkStatusChange(to: CorrectiveActionStatus, facts: StatusFacts, actor: StatusActor): StatusCheck {
  const rule = STATUS_RULES[to];
  if (facts.status === to) return { ok: false, reason: `This action is already ${LABEL[to]}.` };
  if (!rule.from.includes(facts.status)) return { ok: false, reason: `A ${LABEL[facts.status]} action cannot become ${LABEL[to]}.` };
  return rule.who(actor, facts);
}

/** Deciding a pending won't-do request. */
export function checkWontDoDecision(facts: StatusFacts, actor: StatusActor): StatusCheck {
  if (!facts.wontDoPending) return { ok: false, reason: "Nobody has asked for won't do on this action." };
  if (!actor.canApproveWontDo) return { ok: false, reason: "Only a manager of the owning team can decide on won't do." };
  return { ok: true, mode: "apply" };
}

/** The statuses an actor can move the action to now, for the buttons on the page. */
export function availableStatuses(facts: StatusFacts, actor: StatusActor): CorrectiveActionStatus[] {
  return (Object.keys(STATUS_RULES) as CorrectiveActionStatus[]).filter((to) => checkStatusChange(to, facts, actor).ok);
}
