import { describe, expect, it } from "vitest";
import { differingSections, mergeSections, sectionText, FORM_SECTIONS } from "./conflict-merge";
import type { EditorForm, EditorOptions } from "./editor-model";

const base: EditorForm = {
  title: "Checkout errors",
  teamId: "team_checkout",
  severity: "SEV2",
  restricted: false,
  serviceIds: ["svc_api"],
  authorIds: ["user_ana"],
  startedAt: "2026-11-01T10:00",
  detectedAt: "2026-11-01T10:05",
  mitigatedAt: "",
  resolvedAt: "",
  whatHappened: "Payments failed.",
  customerImpact: "",
  contributingFactors: "",
  supportingData: "",
  lessonsLearned: "",
  correctiveActionsSummary: "",
  timeline: [{ id: "t1", occurredAt: "2026-11-01T10:00", description: "Errors start" }],
  factors: [],
  links: [],
  actions: [],
};

const options: EditorOptions = {
  teams: [{ id: "team_checkout", name: "Checkout", label: "Checkout" }],
  services: [{ id: "svc_api", name: "checkout-api" }],
  users: [{ id: "user_ana", name: "Ana Lima" }],
  categories: [],
};

describe("merging after a conflict", () => {
  it("lists only the sections that differ, in the document's order", () => {
    const theirs = {
      ...base,
      whatHappened: "Their account.",
      timeline: [...base.timeline, { id: "t2", occurredAt: "2026-11-01T10:07", description: "Paged" }],
    };
    const mine = { ...base, title: "Checkout errors on Black Friday", whatHappened: "My account." };
    expect(differingSections(mine, theirs).map((section) => section.key)).toEqual(["title", "timeline", "whatHappened"]);
    expect(differingSections(base, { ...base })).toEqual([]);
  });

  it("takes the chosen sections from the saved version and keeps the rest as typed", () => {
    const theirs = { ...base, whatHappened: "Their account.", severity: "SEV1" as const, restricted: true };
    const mine = { ...base, whatHappened: "My account.", lessonsLearned: "Retry budgets." };
    const merged = mergeSections(mine, theirs, new Set(["ownership"]));
    expect(merged).toMatchObject({ whatHappened: "My account.", lessonsLearned: "Retry budgets.", severity: "SEV1", restricted: true });
    expect(mergeSections(mine, theirs, new Set(["whatHappened"])).whatHappened).toBe("Their account.");
    expect(mine.severity).toBe("SEV2");
  });

  it("shows a section as readable text with names, not ids", () => {
    const section = (key: string) => FORM_SECTIONS.find((candidate) => candidate.key === key)!;
    expect(sectionText(base, section("services"), options)).toBe("checkout-api");
    expect(sectionText(base, section("ownership"), options)).toBe("Checkout · SEV2 · visible to the organization");
    expect(sectionText(base, section("customerImpact"), options)).toBe("(empty)");
    expect(sectionText(base, section("timeline"), options)).toBe("2026-11-01T10:00 Errors start");
  });
});
