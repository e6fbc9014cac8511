import { describe, expect, it } from "vitest";
import { coeDocumentSchema } from "@/lib/coes/schemas";
import type { CoeSnapshot } from "@/lib/coes/snapshot";
import { documentFromForm, formFromSnapshot, fromLocalInput, toLocalInput } from "./editor-model";

const snapshot: CoeSnapshot = {
  title: "T",
  teamId: "team",
  teamName: "Team",
  severity: "SEV2",
  status: "DRAFT",
  restricted: false,
  services: [],
  authors: [{ id: "u1", name: "A" }],
  startedAt: "2026-11-01T10:00:00.000Z",
  detectedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  whatHappened: "x",
  customerImpact: "",
  contributingFactors: "",
  supportingData: "",
  lessonsLearned: "",
  correctiveActionsSummary: "",
  timeline: [
    { id: "entry-b", occurredAt: "2026-11-01T10:30:00.000Z", description: "later" },
    { id: "entry-a", occurredAt: "2026-11-01T10:05:00.000Z", description: "earlier" },
  ],
  factors: [],
  links: [],
  actions: [{ id: "action-1", title: "Fix", ownerId: null, ownerName: null, type: "PREVENT", priority: "HIGH", dueDate: null, status: "OPEN" }],
};

describe("editor model", () => {
  it.each([
    ["2026-11-01T10:05:00.000Z", "2026-11-01T10:05"],
    [null, ""],
  ])("shows %s in a datetime-local input as %s (UTC)", (iso, local) => {
    expect(toLocalInput(iso)).toBe(local);
  });

  it.each([
    ["2026-11-01T10:05", "2026-11-01T10:05:00.000Z"],
    ["", null],
    ["  ", null],
    ["not a time", "not a time"],
  ])("reads %j from the input as %j", (local, iso) => {
    expect(fromLocalInput(local)).toBe(iso);
  });

  it("round-trips a snapshot into a valid document with the timeline in time order", () => {
    const document = documentFromForm(formFromSnapshot(snapshot));
    expect(document.timeline?.map((entry) => entry.id)).toEqual(["entry-a", "entry-b"]);
    expect(document.actions?.[0]).toMatchObject({ ownerId: null, dueDate: null });
    const parsed = coeDocumentSchema.parse(document);
    expect(parsed.startedAt?.toISOString()).toBe("2026-11-01T10:00:00.000Z");
    expect(parsed.detectedAt).toBeNull();
  });
});
