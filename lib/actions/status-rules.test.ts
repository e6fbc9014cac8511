// Who may move a corrective action where: the status table, case by case.
import { describe, expect, it } from "vitest";
import { availableStatuses, checkStatusChange, checkWontDoDecision, type StatusActor, type StatusFacts } from "@/lib/actions/status-rules";
import { type CorrectiveActionStatus } from "@/lib/generated/prisma/enums";

const actor = (overrides: Partial<StatusActor> = {}): StatusActor => ({
  userId: "u1",
  isOwner: false,
  canUpdate: false,
  canVerify: false,
  canApproveWontDo: false,
  ...overrides,
});
const owner = actor({ isOwner: true });
const member = actor({ canUpdate: true });
const reviewer = actor({ canUpdate: true, canVerify: true });
const manager = actor({ canUpdate: true, canVerify: true, canApproveWontDo: true });
const viewer = actor();
const facts = (status: CorrectiveActionStatus, overrides: Partial<StatusFacts> = {}): StatusFacts => ({
  status,
  completedById: "someone-else",
  wontDoPending: false,
  ...overrides,
});

describe("checkStatusChange", () => {
  const cases: [string, CorrectiveActionStatus, CorrectiveActionStatus, StatusActor, "apply" | "request" | "refused", StatusFacts?][] = [
    ["owner starts work", "OPEN", "IN_PROGRESS", owner, "apply"],
    ["member starts work", "OPEN", "IN_PROGRESS", member, "apply"],
    ["viewer cannot start work", "OPEN", "IN_PROGRESS", viewer, "refused"],
    ["owner marks done", "IN_PROGRESS", "DONE", owner, "apply"],
    ["done straight from open", "OPEN", "DONE", member, "apply"],
    ["viewer cannot mark done", "IN_PROGRESS", "DONE", viewer, "refused"],
    ["reviewer verifies", "DONE", "VERIFIED", reviewer, "apply"],
    ["manager verifies", "DONE", "VERIFIED", manager, "apply"],
    ["owner without verify right cannot verify", "DONE", "VERIFIED", owner, "refused"],
    ["member cannot verify", "DONE", "VERIFIED", member, "refused"],
    ["who marked it done cannot verify it", "DONE", "VERIFIED", manager, "refused", facts("DONE", { completedById: "u1" })],
    ["cannot verify what is not done", "IN_PROGRESS", "VERIFIED", manager, "refused"],
    ["manager sets won't do at once", "OPEN", "WONT_DO", manager, "apply"],
    ["owner only asks for won't do", "IN_PROGRESS", "WONT_DO", owner, "request"],
    ["member only asks for won't do", "OPEN", "WONT_DO", member, "request"],
    ["viewer cannot ask for won't do", "OPEN", "WONT_DO", viewer, "refused"],
    ["owner cannot ask twice", "OPEN", "WONT_DO", owner, "refused", facts("OPEN", { wontDoPending: true })],
    ["manager applies a pending request directly", "OPEN", "WONT_DO", manager, "apply", facts("OPEN", { wontDoPending: true })],
    ["a done action is not won't do", "DONE", "WONT_DO", manager, "refused"],
    ["owner reopens a done action", "DONE", "OPEN", owner, "apply"],
    ["member reopens won't do", "WONT_DO", "OPEN", member, "apply"],
    ["member cannot reopen a verified action", "VERIFIED", "OPEN", member, "refused"],
    ["reviewer reopens a verified action", "VERIFIED", "OPEN", reviewer, "apply"],
    ["same status is refused", "OPEN", "OPEN", manager, "refused"],
  ];
  it.each(cases)("%s", (_name, from, to, who, expected, given) => {
    const result = checkStatusChange(to, given ?? facts(from), who);
    expect(result.ok ? result.mode : "refused").toBe(expected);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
  });
});

describe("won't-do decisions", () => {
  it("need a pending request and the manager's right", () => {
    expect(checkWontDoDecision(facts("OPEN", { wontDoPending: true }), manager).ok).toBe(true);
    expect(checkWontDoDecision(facts("OPEN", { wontDoPending: true }), reviewer).ok).toBe(false);
    expect(checkWontDoDecision(facts("OPEN"), manager).ok).toBe(false);
  });
});

describe("availableStatuses", () => {
  it("offers the owner progress, done and a won't-do request, never verify", () => {
    expect(availableStatuses(facts("OPEN"), owner)).toEqual(["IN_PROGRESS", "DONE", "WONT_DO"]);
    expect(availableStatuses(facts("DONE"), owner)).toEqual(["OPEN", "IN_PROGRESS"]);
  });
  it("offers a viewer nothing", () => {
    expect(availableStatuses(facts("OPEN"), viewer)).toEqual([]);
  });
});
