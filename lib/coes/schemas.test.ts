import { describe, expect, it } from "vitest";
import { fieldErrorsFromIssues } from "@/lib/errors";
import { coeDocumentSchema, type CoeDocumentInput } from "@/lib/coes/schemas";

function document(overrides: Partial<CoeDocumentInput> = {}): CoeDocumentInput {
  return {
    title: "Checkout errors",
    teamId: "team_checkout",
    severity: "SEV2",
    authorIds: ["u1"],
    startedAt: null,
    detectedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    ...overrides,
  };
}

function fieldErrors(input: CoeDocumentInput) {
  const result = coeDocumentSchema.safeParse(input);
  return result.success ? {} : fieldErrorsFromIssues(result.error.issues);
}

describe("coeDocumentSchema timestamps", () => {
  const T = (minute: number) => `2026-11-01T10:${String(minute).padStart(2, "0")}:00Z`;
  const cases: [string, Partial<CoeDocumentInput>, Record<string, string[]>][] = [
    ["all in order", { startedAt: T(0), detectedAt: T(5), mitigatedAt: T(10), resolvedAt: T(20) }, {}],
    ["equal times are fine", { startedAt: T(0), detectedAt: T(0) }, {}],
    ["none known yet (a draft)", {}, {}],
    ["detected before started", { startedAt: T(10), detectedAt: T(5) }, { detectedAt: ["Cannot be detected before it was started."] }],
    ["mitigated before detected", { startedAt: T(0), detectedAt: T(10), mitigatedAt: T(5) }, { mitigatedAt: ["Cannot be mitigated before it was detected."] }],
    ["resolved before mitigated", { mitigatedAt: T(30), resolvedAt: T(20) }, { resolvedAt: ["Cannot be resolved before it was mitigated."] }],
    ["a gap is skipped: resolved before started", { startedAt: T(30), resolvedAt: T(20) }, { resolvedAt: ["Cannot be resolved before it was started."] }],
    ["garbage", { startedAt: "yesterday-ish" }, { startedAt: ["Enter a valid date and time."] }],
  ];
  it.each(cases)("%s", (_name, change, expected) => {
    expect(fieldErrors(document(change))).toEqual(expected);
  });
});

describe("coeDocumentSchema rows", () => {
  it("drops trailing blank whys and keeps the chain's order", () => {
    const parsed = coeDocumentSchema.parse(
      document({ factors: [{ id: "factor-1", categoryId: "cat", description: "TTL", fiveWhys: ["one", "", "three", "", ""] }] }),
    );
    expect(parsed.factors[0]!.fiveWhys).toEqual(["one", "", "three"]);
  });
  it("refuses links that are not http(s)", () => {
    expect(fieldErrors(document({ links: [{ id: "link-1", url: "javascript:alert(1)", label: "" }] }))).toEqual({
      "links.0.url": ["Links must start with http:// or https://."],
    });
  });
  it("needs an author and a title", () => {
    expect(Object.keys(fieldErrors(document({ title: " ", authorIds: [] }))).sort()).toEqual(["authorIds", "title"]);
  });
  it("checks due dates are calendar days", () => {
    const action = { id: "action-1", title: "Add alarm", type: "DETECT" as const, dueDate: "2026-13-45" };
    expect(fieldErrors(document({ actions: [action] }))).toHaveProperty(["actions.0.dueDate"]);
  });
});
