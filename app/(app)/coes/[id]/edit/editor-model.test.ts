import { describe, expect, it } from "vitest";
import { coeDocumentSchema } from "@/lib/coes/schemas";
import type { CoeSnapshot } from "@/lib/coes/snapshot";
import {
  displayUtcInput,
  documentFromForm,
  draftOfForm,
  formFromSnapshot,
  formOfDraft,
  fromLocalInput,
  mergeSavedAction,
  parseUtcInput,
  referenceDay,
  savableDocument,
  toLocalInput,
  withKnownNames,
} from "./editor-model";

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

  it("saves the rest of the COE when a new timeline row is blank, and keeps that row out as a draft row", () => {
    const lastSaved = documentFromForm(formFromSnapshot(snapshot));
    const form = formFromSnapshot(snapshot);
    form.timeline.push({ id: "entry-new", occurredAt: "", description: "" });
    form.lessonsLearned = "Typed after the blank row";
    form.actions.push({ id: "action-2", title: "Alarm on expiry", ownerId: "", type: "DETECT", priority: "MEDIUM", dueDate: "", status: "OPEN" });
    const result = savableDocument(form, lastSaved)!;
    expect(result.document.lessonsLearned).toBe("Typed after the blank row");
    expect(result.document.actions?.map((action) => action.id)).toEqual(["action-1", "action-2"]);
    expect(result.document.timeline?.map((entry) => entry.id)).toEqual(["entry-a", "entry-b"]);
    expect(Object.keys(result.held)).toEqual(["timeline.2"]);
    expect(coeDocumentSchema.safeParse(result.document).success).toBe(true);
  });

  it("sends a saved row and an invalid field as the server has them, instead of deleting or blocking", () => {
    const lastSaved = documentFromForm(formFromSnapshot(snapshot));
    const form = formFromSnapshot(snapshot);
    form.actions[0]!.title = "";
    form.title = "";
    form.whatHappened = "still saved";
    const result = savableDocument(form, lastSaved)!;
    expect(result.document.actions?.[0]?.title).toBe("Fix");
    expect(result.document.title).toBe("T");
    expect(result.document.whatHappened).toBe("still saved");
    expect(Object.keys(result.held).sort()).toEqual(["actions.0", "title"]);
  });

  it("sends a moved due date with its reason, and spends the reason once the server has the date", () => {
    const saved = { ...snapshot.actions[0]!, ownerId: "u1", ownerName: "A", dueDate: "2026-12-01" };
    const form = formFromSnapshot({ ...snapshot, actions: [saved] });
    form.actions[0] = { ...form.actions[0]!, dueDate: "2027-01-15", dueDateReason: "Vendor fix ships in January" };
    expect(documentFromForm(form).actions?.[0]).toMatchObject({ dueDate: "2027-01-15", dueDateReason: "Vendor fix ships in January" });
    // Saved before the move reached the server: the reason stays for the next save.
    expect(mergeSavedAction(form.actions[0]!, saved).dueDateReason).toBe("Vendor fix ships in January");
    expect(mergeSavedAction(form.actions[0]!, { ...saved, dueDate: "2027-01-15" })).not.toHaveProperty("dueDateReason");
    // A half-typed reason holds the row back (sent as saved) rather than recording two letters.
    const held = savableDocument(
      { ...form, actions: [{ ...form.actions[0]!, dueDateReason: "V" }] },
      documentFromForm(formFromSnapshot({ ...snapshot, actions: [saved] })),
    )!;
    expect(held.document.actions?.[0]).toMatchObject({ dueDate: "2026-12-01" });
    expect(Object.keys(held.held)).toEqual(["actions.0"]);
  });

  it("shows an action under way as the server has it: it is read-only in the editor", () => {
    const row = { ...formFromSnapshot(snapshot).actions[0]!, title: "Typed over" };
    expect(mergeSavedAction(row, { ...snapshot.actions[0]!, status: "IN_PROGRESS" })).toEqual({
      id: "action-1",
      title: "Fix",
      ownerId: "",
      type: "PREVENT",
      priority: "HIGH",
      dueDate: "",
      status: "IN_PROGRESS",
    });
  });
});

describe("parseUtcInput", () => {
  it.each([
    ["2026-11-30 14:05", undefined, "2026-11-30T14:05"],
    ["2026-11-30T14:05", undefined, "2026-11-30T14:05"],
    ["  2026-11-30 9:05  ", undefined, "2026-11-30T09:05"],
    ["2026-11-30 14:05:59", undefined, "2026-11-30T14:05"],
    ["2026-11-30T14:05:00.000Z", undefined, "2026-11-30T14:05"],
    ["2026-11-30 14:05 UTC", undefined, "2026-11-30T14:05"],
    ["2026-11-30T15:05:00+01:00", undefined, "2026-11-30T14:05"],
    ["2026-12-01T00:30-0100", undefined, "2026-12-01T01:30"],
    ["14:05", "2026-11-30T09:00", "2026-11-30T14:05"],
    ["9:05", "2026-11-30T09:00", "2026-11-30T09:05"],
    ["14:05", undefined, null],
    ["14:05", "2026-11-3", null],
    ["2026-02-30 10:00", undefined, null],
    ["2026-11-30 24:00", undefined, null],
    ["2026-11-30", undefined, null],
    ["yesterday", "2026-11-30T09:00", null],
  ])("%j (same day as %j) → %j", (text, sameDayAs, expected) => {
    expect(parseUtcInput(text, sameDayAs)).toBe(expected);
  });

  it("shows a form time with a space and leaves typed text as typed", () => {
    expect(displayUtcInput("2026-11-30T14:05")).toBe("2026-11-30 14:05");
    expect(displayUtcInput("2026-11-3")).toBe("2026-11-3");
  });

  it("reads a bare time on the first complete time it is given", () => {
    expect(referenceDay("14:0", "", "2026-11-29T23:00")).toBe("2026-11-29T23:00");
    expect(referenceDay("", undefined)).toBeUndefined();
  });
});

describe("withKnownNames", () => {
  it("adds the names a snapshot or a picker brings, once per id", () => {
    const options = { teams: [], categories: [], services: [{ id: "s1", name: "api" }], users: [{ id: "u1", name: "Ana" }] };
    const merged = withKnownNames(options, { services: [{ id: "s2", name: "db" }], users: [{ id: "u1", name: "Ana Lima" }] });
    expect(merged.services).toEqual([
      { id: "s1", name: "api" },
      { id: "s2", name: "db" },
    ]);
    expect(merged.users).toEqual([{ id: "u1", name: "Ana Lima" }]);
  });
});

describe("the browser's copy of an unsaved form", () => {
  it("keeps the name of every service, author and owner it refers to, and gives the form back as it was", () => {
    const form = formFromSnapshot(snapshot);
    const picked = {
      ...form,
      serviceIds: ["s2"],
      authorIds: ["u1", "u9"],
      actions: [{ ...form.actions[0]!, ownerId: "u9" }],
    };
    const options = {
      teams: [],
      categories: [],
      services: [
        { id: "s1", name: "api" },
        { id: "s2", name: "db" },
      ],
      users: [
        { id: "u1", name: "A" },
        { id: "u9", name: "Picked Person" },
        { id: "u5", name: "Someone else" },
      ],
    };
    const stored = JSON.parse(JSON.stringify(draftOfForm(picked, options)));
    const { form: restored, names } = formOfDraft(stored);
    expect(restored).toEqual(picked);
    expect(names).toEqual({
      services: [{ id: "s2", name: "db" }],
      users: [
        { id: "u1", name: "A" },
        { id: "u9", name: "Picked Person" },
      ],
    });
    // On a fresh page (only the COE's own names), the pickers show the name, not the id.
    const freshPage = withKnownNames({ teams: [], categories: [], services: [], users: [{ id: "u1", name: "A" }] }, names);
    expect(freshPage.users.find((user) => user.id === "u9")?.name).toBe("Picked Person");
    expect(freshPage.services.find((service) => service.id === "s2")?.name).toBe("db");
  });

  it("reads a copy kept before names were stored as having none", () => {
    const form = formFromSnapshot(snapshot);
    expect(formOfDraft(form)).toEqual({ form, names: {} });
  });
});
