import { describe, expect, it } from "vitest";
import { findingsBlock, findingsTitle, type AgendaFindingRow, type AgendaFindings } from "@/lib/policies/agenda-source";
import { EMPTY_EDITS, type AgendaEdits } from "@/lib/reviews/agenda-edits";
import type { CarriedItem, CoeRef } from "@/lib/reviews/agenda-types";
import { builtItems, coeSlots, COES_PER_SLOT, composeAgenda, MAX_COE_SLOTS, TYPICAL_ITEM_KEYS, type WeekData } from "@/lib/reviews/compose-agenda";
import { parseIsoWeek, weekWindow } from "@/lib/reviews/iso-week";

const window = weekWindow(parseIsoWeek("2026-W48")!, { weekday: 4, startMinute: 600, timeZone: "UTC" });
const coe = (index: number, severity: string): CoeRef & { teamId: string; lessonsLearned: string } => ({
  id: `c${index}`,
  title: `COE ${index}`,
  severity,
  status: "APPROVED",
  teamName: "T",
  teamId: "t",
  approvedAt: "2026-11-24T10:00:00.000Z",
  submittedAt: null,
  createdAt: "2026-11-01T10:00:00.000Z",
  lessonsLearned: "",
});
const data = (coes: WeekData["coes"]): WeekData => ({
  series: { id: "s", name: "S", teamId: "t", teamName: "T", timeZone: "UTC", weekday: 4, startMinute: 600, lengthMinutes: 60 },
  isoWeek: "2026-W48",
  window,
  review: { id: null, status: "PLANNED", version: 1 },
  teams: [{ id: "t", parentId: null }],
  graceDays: [0, 7, 14],
  coes,
  actions: [],
  flaggedMetrics: [],
  wheel: { service: null, metrics: [] },
  submissions: [],
  carried: [],
  edits: EMPTY_EDITS,
  subTeams: [],
});

describe("builtItems", () => {
  it.each([
    [0, 1],
    [1, 1],
    [COES_PER_SLOT, 1],
    [COES_PER_SLOT + 1, 2],
    [COES_PER_SLOT * MAX_COE_SLOTS, MAX_COE_SLOTS],
    [COES_PER_SLOT * MAX_COE_SLOTS + 5, MAX_COE_SLOTS],
  ])("with %i COEs to review, the one “Review COEs” item asks for %i slot(s)", (count, slots) => {
    const items = builtItems(data(Array.from({ length: count }, (_, index) => coe(index, index % 2 ? "SEV1" : "SEV3"))));
    const review = items.filter((item) => item.section === "coes");
    expect(review).toHaveLength(1);
    expect(review[0]!.slots).toBe(slots);
    expect(coeSlots(count)).toBe(slots);
  });

  it("lists the COEs in the review item most severe first", () => {
    const detail = builtItems(data([coe(1, "SEV4"), coe(2, "SEV1"), coe(3, "SEV3"), coe(4, "SEV2")])).find((item) => item.key === "coes")!.detail;
    expect(detail.kind === "coeList" && detail.coes.map((entry) => entry.severity)).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
  });

  it("always has the five typical items, in their order, even in a week without data", () => {
    const items = builtItems(data([]));
    expect(items.map((item) => item.key)).toEqual([...TYPICAL_ITEM_KEYS]);
    expect(items.every((item) => item.typical)).toBe(true);
    expect(items.find((item) => item.key === "coes")!.title).toBe("Review COEs (none this week)");
    expect(items.find((item) => item.key === "metrics")!.title).toBe("Key service metrics");
  });

  it("puts the blocks of other domains' providers on the item of their section, and an empty list when there are none", () => {
    const block = { source: "cords", title: "Andon cords pulled", empty: "None.", entries: [] };
    const successes = (items: ReturnType<typeof builtItems>) => items.find((item) => item.key === "successes")!.detail;
    expect(successes(builtItems({ ...data([]), sources: { successes: [block] } }))).toMatchObject({ kind: "successes", sources: [block] });
    expect(successes(builtItems(data([])))).toMatchObject({ kind: "successes", sources: [] });
  });
});

const custom = (key: string, slots: number): AgendaEdits["custom"][number] => ({
  key: `custom:${key}`,
  title: `Custom ${key}`,
  description: "",
  section: "custom",
  slots,
});
const carried = (key: string, slots: number): CarriedItem => ({
  key,
  section: "custom",
  title: `Carried ${key}`,
  slots,
  description: "",
  fromWeek: "2026-W47",
});
const compose = (length: number, overrides: Partial<WeekData> = {}) => {
  const base = data([]);
  return composeAgenda({ ...base, series: { ...base.series, lengthMinutes: length }, ...overrides });
};
const keys = (items: { key: string }[]) => items.map((item) => item.key);

describe("composeAgenda: the five typical items keep their slots", () => {
  it("defers a custom or carried item, never a typical one, when the meeting is full", () => {
    const agenda = compose(90, { edits: { ...EMPTY_EDITS, custom: [custom("pager", 2)] }, carried: [carried("custom:old", 1)] });
    // The carried item opens the agenda by order, but the five typical items are given their time first.
    expect(keys(agenda.items)).toEqual(["custom:old", ...TYPICAL_ITEM_KEYS]);
    expect(keys(agenda.deferred)).toEqual(["custom:pager"]);
  });

  it("defers the carried item too when the typical items fill the meeting", () => {
    const agenda = compose(75, { carried: [carried("custom:old", 1)], edits: { ...EMPTY_EDITS, custom: [custom("pager", 1)] } });
    expect(keys(agenda.items)).toEqual([...TYPICAL_ITEM_KEYS]);
    expect(keys(agenda.deferred)).toEqual(["custom:old", "custom:pager"]);
  });

  it("lets the organizer pin a custom item ahead of a typical one: then the last typical item defers", () => {
    const agenda = compose(75, { edits: { ...EMPTY_EDITS, custom: [custom("pager", 1)], pinned: ["custom:pager"] } });
    expect(keys(agenda.items)).toEqual(["successes", "actions", "coes", "metrics", "custom:pager"]);
    expect(keys(agenda.deferred)).toEqual(["best-practices"]);
  });

  it("defers the wheel, an extra data item, before any typical item", () => {
    const wheel = { service: { id: "s", name: "checkout-api", teamName: "T" }, metrics: [] };
    const agenda = compose(75, { wheel });
    expect(keys(agenda.items)).toEqual([...TYPICAL_ITEM_KEYS]);
    expect(keys(agenda.deferred)).toEqual(["wheel"]);
    expect(keys(compose(90, { wheel }).items)).toEqual(["successes", "actions", "coes", "metrics", "wheel", "best-practices"]);
  });
});

describe("composeAgenda: COEs are reviewed inside “Review COEs”", () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, index) => coe(index, ["SEV1", "SEV2", "SEV3", "SEV4"][index % 4]!)).map((entry, index) => ({
      ...entry,
      title: `COE ${String(index).padStart(2, "0")}`,
    }));
  const review = (agenda: ReturnType<typeof compose>) => [...agenda.items, ...agenda.deferred].find((item) => item.key === "coes")!;

  it("grows by a slot per three COEs and reviews them all when the meeting has room", () => {
    const agenda = compose(120, { coes: many(7) });
    const item = review(agenda);
    expect(item.slots).toBe(3);
    expect(item.detail.kind === "coeList" && item.detail.coes).toHaveLength(7);
    expect(item.detail.kind === "coeList" && item.detail.deferred).toEqual([]);
    expect(item.title).toBe("Review COEs (7)");
  });

  it("stops growing at its limit and defers the least severe COEs beyond it", () => {
    const agenda = compose(240, { coes: many(12) });
    const item = review(agenda);
    expect(item.slots).toBe(MAX_COE_SLOTS);
    if (item.detail.kind !== "coeList") throw new Error("expected the COE review");
    expect(item.detail.coes).toHaveLength(MAX_COE_SLOTS * COES_PER_SLOT);
    expect(item.detail.deferred!.map((entry) => entry.severity)).toEqual(["SEV4", "SEV4", "SEV4"]);
    expect(item.title).toBe("Review COEs (9 of 12; 3 less severe deferred)");
  });

  it("shrinks in a short meeting, keeping the other typical items, and defers the least severe COEs first", () => {
    // 90 minutes: six slots; four typical items take four, so the COE review gets two of the three it asks for.
    const agenda = compose(90, { coes: many(9) });
    expect(keys(agenda.items)).toEqual([...TYPICAL_ITEM_KEYS]);
    const item = review(agenda);
    expect(item.slots).toBe(2);
    if (item.detail.kind !== "coeList") throw new Error("expected the COE review");
    expect(item.detail.coes.map((entry) => entry.severity)).toEqual(["SEV1", "SEV1", "SEV1", "SEV2", "SEV2", "SEV3"]);
    expect(item.detail.deferred!.map((entry) => entry.severity)).toEqual(["SEV3", "SEV4", "SEV4"]);
    expect(agenda.usedSlots).toBe(6);
  });

  it("keeps the organizer's slot count for the COE review", () => {
    const agenda = compose(120, { coes: many(9), edits: { ...EMPTY_EDITS, slots: { coes: 1 } } });
    const item = review(agenda);
    expect(item.slots).toBe(1);
    expect(item.detail.kind === "coeList" && item.detail.coes).toHaveLength(COES_PER_SLOT);
  });
});

describe("the key service metrics item with the subtree's policy findings", () => {
  const finding = (index: number, fields: Partial<AgendaFindingRow> = {}): AgendaFindingRow => ({
    id: `f${index}`,
    ruleId: "r1",
    ruleName: "Certificate expires in < 30 days",
    severity: "HIGH",
    kind: "RISK",
    serviceName: `svc-${index}`,
    status: "OPEN",
    openedAt: "2026-11-01T09:00:00.000Z",
    waiverEndsAt: null,
    ...fields,
  });
  const metricsItem = (findings: AgendaFindings | undefined, flagged = 0) =>
    builtItems({
      ...data([]),
      findings,
      flaggedMetrics: Array.from({ length: flagged }, (_, index) => ({
        id: `m${index}`,
        name: "Availability",
        unit: "%",
        serviceId: "s",
        serviceName: "svc",
        latestValue: 98,
        target: 99.9,
        direction: "UP" as const,
        thisWeek: 98,
        lastWeek: 99,
        flags: ["Target 99.9 breached"],
      })),
    }).find((item) => item.key === "metrics")!;

  it.each<[string, AgendaFindings | undefined, number, string, number]>([
    ["no findings data (an agenda built before findings existed)", undefined, 0, "Key service metrics", 1],
    ["old open findings only", { open: 2, newThisWeek: 0, expiring: 0, rows: [finding(1), finding(2)] }, 0, "Key service metrics", 1],
    [
      "one new finding and a flagged metric",
      { open: 1, newThisWeek: 1, expiring: 0, rows: [finding(1, { openedAt: "2026-11-24T09:00:00.000Z" })] },
      1,
      "Key service metrics: 1 flagged, 1 new finding",
      1,
    ],
    [
      "new findings and ending waivers",
      { open: 3, newThisWeek: 2, expiring: 1, rows: [finding(1), finding(2), finding(3), finding(4, { status: "ACKNOWLEDGED" })] },
      0,
      "Key service metrics: 2 new findings, 1 waiver ending",
      1,
    ],
    ["more than a slot holds", { open: 6, newThisWeek: 0, expiring: 0, rows: [] }, 3, "Key service metrics: 3 flagged", 2],
  ])("%s: titled “%s”… ", (_label, findings, flagged, title, slots) => {
    const item = metricsItem(findings, flagged);
    expect(item.title).toBe(title);
    expect(item.slots).toBe(slots);
    expect(item.detail.kind === "metrics" && item.detail.sources.map((block) => block.source)).toEqual(["policy-findings"]);
  });

  it.each<[string, Partial<AgendaFindingRow>, string[], string]>([
    ["opened before the week", {}, ["High"], "Failing since 2026-11-01"],
    ["opened in the week", { openedAt: "2026-11-24T09:00:00.000Z" }, ["High", "New this week"], "Failing since 2026-11-24"],
    ["a critical opportunity", { severity: "CRITICAL", kind: "OPPORTUNITY" }, ["Critical", "Opportunity"], "Failing since 2026-11-01"],
    [
      "acknowledged, its waiver ending",
      { status: "ACKNOWLEDGED", waiverEndsAt: "2026-12-02T00:00:00.000Z" },
      ["High", "Waiver ending"],
      "Acknowledged; the waiver ends 2026-12-02",
    ],
  ])("a finding %s reads with badges %j and “%s”", (_label, fields, badges, meta) => {
    const [entry] = findingsBlock({ open: 1, newThisWeek: 0, expiring: 0, rows: [finding(7, fields)] }, window).entries;
    expect(entry).toMatchObject({ id: "f7", title: "svc-7: Certificate expires in < 30 days", href: "/policies/findings/f7", meta });
    expect(entry!.badges.map((badge) => badge.label)).toEqual(badges);
    expect(entry!.links).toEqual([{ label: "Rule", href: "/policies/rules/r1" }]);
  });

  it.each<[AgendaFindings, string]>([
    [{ open: 0, newThisWeek: 0, expiring: 0, rows: [] }, "Policy findings: 0 open"],
    [{ open: 2, newThisWeek: 1, expiring: 0, rows: [finding(1), finding(2)] }, "Policy findings: 2 open, 1 new this week"],
    [{ open: 1, newThisWeek: 0, expiring: 2, rows: [finding(1), finding(2), finding(3)] }, "Policy findings: 1 open, 2 waivers ending"],
    [{ open: 40, newThisWeek: 0, expiring: 0, rows: [finding(1)] }, "Policy findings: 40 open (the first 1; see Policies for all)"],
  ])("the block of %j is titled “%s”", (findings, title) => {
    expect(findingsTitle(findings)).toBe(title);
  });
});
