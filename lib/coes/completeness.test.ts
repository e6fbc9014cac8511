import { describe, expect, it } from "vitest";
import { missingForReview, type CompletenessInput } from "@/lib/coes/completeness";

function complete(): CompletenessInput {
  return {
    startedAt: "2026-11-01T10:00:00Z",
    detectedAt: "2026-11-01T10:05:00Z",
    mitigatedAt: "2026-11-01T10:30:00Z",
    resolvedAt: "2026-11-01T12:00:00Z",
    whatHappened: "a",
    customerImpact: "b",
    contributingFactors: "c",
    supportingData: "d",
    lessonsLearned: "e",
    correctiveActionsSummary: "f",
    factors: [{ categoryId: "cat_dns", description: "TTL too long" }],
    actions: [{ title: "Lower TTL", ownerId: "u1", dueDate: "2026-12-01" }],
  };
}

describe("missingForReview", () => {
  it("finds nothing missing in a complete COE", () => {
    expect(missingForReview(complete())).toEqual([]);
  });

  const cases: [string, Partial<CompletenessInput>, string, string][] = [
    ["no start time", { startedAt: null }, "header", "Add when the incident started."],
    ["no detection time", { detectedAt: null }, "header", "Add when it was detected."],
    ["no mitigation time", { mitigatedAt: "" }, "header", "Add when it was mitigated."],
    ["no resolution time", { resolvedAt: undefined }, "header", "Add when it was resolved."],
    ["blank first answer", { whatHappened: "  \n " }, "whatHappened", "Answer “What happened?”"],
    ["blank impact", { customerImpact: "" }, "customerImpact", "Answer “What was the impact on customers and your business?”"],
    ["blank lessons", { lessonsLearned: "" }, "lessonsLearned", "Answer “What lessons did you learn?”"],
    ["no factor", { factors: [] }, "factors", "Add at least one contributing factor with a category."],
    ["factor without category", { factors: [{ categoryId: "", description: "x" }] }, "factors", "Add at least one contributing factor with a category."],
    ["no action", { actions: [] }, "actions", "Add at least one corrective action with an owner and a due date."],
    [
      "action without owner",
      { actions: [{ title: "x", ownerId: null, dueDate: "2026-12-01" }] },
      "actions",
      "Add at least one corrective action with an owner and a due date.",
    ],
    [
      "action without due date",
      { actions: [{ title: "x", ownerId: "u1", dueDate: null }] },
      "actions",
      "Add at least one corrective action with an owner and a due date.",
    ],
  ];
  it.each(cases)("%s", (_name, change, section, message) => {
    expect(missingForReview({ ...complete(), ...change })).toEqual([{ section, message }]);
  });

  it("lists every gap of an empty draft, in document order", () => {
    const empty = missingForReview({
      ...complete(),
      startedAt: null,
      detectedAt: null,
      mitigatedAt: null,
      resolvedAt: null,
      whatHappened: "",
      customerImpact: "",
      contributingFactors: "",
      supportingData: "",
      lessonsLearned: "",
      correctiveActionsSummary: "",
      factors: [],
      actions: [],
    });
    expect(empty).toHaveLength(12);
    expect(empty[0]!.message).toBe("Add when the incident started.");
    expect(empty.at(-1)!.section).toBe("actions");
  });
});
