import { describe, expect, it } from "vitest";
import { EMPTY_EDITS } from "@/lib/reviews/agenda-edits";
import type { CoeRef } from "@/lib/reviews/agenda-types";
import { builtItems, MAX_COE_ITEMS, type WeekData } from "@/lib/reviews/compose-agenda";
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
    [0, 0, false],
    [3, 3, false],
    [MAX_COE_ITEMS, MAX_COE_ITEMS, false],
    [MAX_COE_ITEMS + 5, MAX_COE_ITEMS, true],
  ])("with %i COEs to review: %i items of their own, a shared item: %s", (count, own, shared) => {
    const items = builtItems(data(Array.from({ length: count }, (_, index) => coe(index, index % 2 ? "SEV1" : "SEV3"))));
    expect(items.filter((item) => item.detail.kind === "coe")).toHaveLength(own);
    expect(items.some((item) => item.key === "coes-more")).toBe(shared);
  });

  it("gives the most severe COEs their own items", () => {
    const items = builtItems(data([coe(1, "SEV4"), coe(2, "SEV3"), ...Array.from({ length: MAX_COE_ITEMS }, (_, index) => coe(10 + index, "SEV1"))]));
    const own = items.flatMap((item) => (item.detail.kind === "coe" ? [item.detail.coe.severity] : []));
    expect(own).toEqual(Array(MAX_COE_ITEMS).fill("SEV1"));
    const more = items.find((item) => item.key === "coes-more")!.detail;
    expect(more.kind === "coeList" && more.coes.map((entry) => entry.severity)).toEqual(["SEV3", "SEV4"]);
  });

  it("puts the blocks of other domains' providers on the item of their section, and an empty list when there are none", () => {
    const block = { source: "cords", title: "Andon cords pulled", empty: "None.", entries: [] };
    const successes = (items: ReturnType<typeof builtItems>) => items.find((item) => item.key === "successes")!.detail;
    expect(successes(builtItems({ ...data([]), sources: { successes: [block] } }))).toMatchObject({ kind: "successes", sources: [block] });
    expect(successes(builtItems(data([])))).toMatchObject({ kind: "successes", sources: [] });
  });

  it("leaves out the metrics and wheel items when nothing is flagged and no service has metrics", () => {
    expect(builtItems(data([])).map((item) => item.key)).toEqual(["successes", "actions", "best-practices"]);
  });
});
