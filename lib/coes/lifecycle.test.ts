import { describe, expect, it } from "vitest";
import { availableTransitions, canEditCoe, checkTransition, offersEdit, type LifecycleActor, type LifecycleCoe } from "@/lib/coes/lifecycle";
import type { Transition } from "@/lib/coes/schemas";

const author: LifecycleActor = { userId: "u_author", canWrite: true, canReview: false };
const reviewingAuthor: LifecycleActor = { userId: "u_author", canWrite: true, canReview: true };
const reviewer: LifecycleActor = { userId: "u_reviewer", canWrite: true, canReview: true };
const writer: LifecycleActor = { userId: "u_writer", canWrite: true, canReview: false };
const outsider: LifecycleActor = { userId: "u_out", canWrite: false, canReview: false };

function coe(overrides: Partial<LifecycleCoe> = {}): LifecycleCoe {
  return { status: "DRAFT", authorIds: ["u_author"], createdById: "u_author", actionStatuses: ["OPEN"], missing: [], ...overrides };
}

describe("checkTransition", () => {
  const cases: [string, Transition, LifecycleCoe, LifecycleActor, string | null][] = [
    ["author submits a complete draft", "submit", coe(), author, "IN_REVIEW"],
    ["a team writer submits", "submit", coe(), writer, "IN_REVIEW"],
    ["an outsider cannot submit", "submit", coe(), outsider, null],
    ["an incomplete draft cannot be submitted", "submit", coe({ missing: ["Answer “What happened?”"] }), author, null],
    ["a COE in review cannot be submitted again", "submit", coe({ status: "IN_REVIEW" }), author, null],
    ["a reviewer approves", "approve", coe({ status: "IN_REVIEW" }), reviewer, "APPROVED"],
    ["a reviewer who is an author cannot approve", "approve", coe({ status: "IN_REVIEW" }), reviewingAuthor, null],
    ["a co-author who reviews cannot approve", "approve", coe({ status: "IN_REVIEW", authorIds: ["u_author", "u_reviewer"] }), reviewer, null],
    ["the creator cannot approve even when not listed", "approve", coe({ status: "IN_REVIEW", authorIds: [], createdById: "u_reviewer" }), reviewer, null],
    ["a writer without review rights cannot approve", "approve", coe({ status: "IN_REVIEW" }), writer, null],
    ["a draft cannot be approved", "approve", coe(), reviewer, null],
    ["a reviewer requests changes", "requestChanges", coe({ status: "IN_REVIEW" }), reviewer, "DRAFT"],
    ["an author cannot request changes on their own", "requestChanges", coe({ status: "IN_REVIEW" }), reviewingAuthor, null],
    ["an author withdraws", "withdraw", coe({ status: "IN_REVIEW" }), author, "DRAFT"],
    ["an outsider cannot withdraw", "withdraw", coe({ status: "IN_REVIEW" }), outsider, null],
    ["closes when every action is finished", "close", coe({ status: "APPROVED", actionStatuses: ["DONE", "VERIFIED", "WONT_DO"] }), author, "CLOSED"],
    ["does not close with an open action", "close", coe({ status: "APPROVED", actionStatuses: ["DONE", "IN_PROGRESS"] }), author, null],
    ["a draft cannot close", "close", coe({ actionStatuses: [] }), author, null],
    ["an outsider cannot close", "close", coe({ status: "APPROVED", actionStatuses: ["DONE"] }), outsider, null],
  ];
  it.each(cases)("%s", (_name, transition, state, actor, expected) => {
    const result = checkTransition(transition, state, actor);
    if (expected === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
    } else {
      expect(result).toEqual({ ok: true, to: expected });
    }
  });

  it("names what is missing when submit is refused", () => {
    const result = checkTransition("submit", coe({ missing: ["Add when it was detected."] }), author);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain("Add when it was detected.");
  });
});

describe("availableTransitions", () => {
  it("offers a reviewer approve and request changes, an author only withdraw", () => {
    expect(availableTransitions(coe({ status: "IN_REVIEW" }), reviewer).sort()).toEqual(["approve", "requestChanges", "withdraw"]);
    expect(availableTransitions(coe({ status: "IN_REVIEW" }), reviewingAuthor)).toEqual(["withdraw"]);
  });
  it("keeps submit visible on an incomplete draft (the page lists what is missing)", () => {
    expect(availableTransitions(coe({ missing: ["x"] }), author)).toEqual(["submit"]);
  });
});

describe("canEditCoe", () => {
  it.each([
    ["DRAFT", author, true],
    ["IN_REVIEW", writer, true],
    ["DRAFT", outsider, false],
    ["APPROVED", author, false],
    ["CLOSED", reviewer, false],
  ] as const)("%s by %o → %s", (status, actor, expected) => {
    expect(canEditCoe(coe({ status }), actor)).toBe(expected);
  });
  it("lets a listed author without a team role edit", () => {
    expect(canEditCoe(coe({ authorIds: ["u_out"] }), outsider)).toBe(true);
  });
});

describe("offersEdit", () => {
  it.each([
    ["a reviewer on a COE in review", "IN_REVIEW", reviewer, false],
    ["a reviewing author on their COE in review", "IN_REVIEW", reviewingAuthor, true],
    ["a writer without review rights on a COE in review", "IN_REVIEW", writer, true],
    ["a reviewer on a draft of their team", "DRAFT", reviewer, true],
    ["an author on an approved COE", "APPROVED", author, false],
  ] as const)("%s → %s", (_name, status, actor, expected) => {
    expect(offersEdit(coe({ status }), actor)).toBe(expected);
  });
});
