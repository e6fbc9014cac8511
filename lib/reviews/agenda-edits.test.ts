import { describe, expect, it } from "vitest";
import { applyEdits, EMPTY_EDITS, mergeOrder, moveKey, type AgendaEdits } from "@/lib/reviews/agenda-edits";
import type { BuiltItem, CarriedItem } from "@/lib/reviews/agenda-types";

const built = (key: string, section: BuiltItem["section"], slots = 1): BuiltItem => ({
  key,
  section,
  title: key,
  slots,
  detail: { kind: "custom", description: "" },
});
const week1 = [
  built("successes", "successes"),
  built("actions", "actions", 2),
  built("coe:a", "coes"),
  built("coe:b", "coes"),
  built("metrics", "metrics"),
  built("best", "bestPractices"),
];
const edits = (partial: Partial<AgendaEdits>): AgendaEdits => ({ ...EMPTY_EDITS, ...partial });
const keys = (items: { key: string }[]) => items.map((item) => item.key);

describe("applyEdits keeps the organizer's edits across a rebuild", () => {
  const organizer = edits({
    order: ["successes", "coe:b", "actions", "coe:a", "metrics", "custom:retro", "best"],
    removed: ["metrics"],
    slots: { "coe:b": 3 },
    pinned: ["best"],
    custom: [{ key: "custom:retro", title: "Game day retro", description: "", section: "custom", slots: 2 }],
  });

  it.each([
    ["the same data", week1, ["successes", "coe:b", "actions", "coe:a", "custom:retro", "best"]],
    [
      "a new COE arrives",
      [...week1.slice(0, 4), built("coe:c", "coes"), ...week1.slice(4)],
      ["successes", "coe:b", "coe:c", "actions", "coe:a", "custom:retro", "best"],
    ],
    ["a COE drops out of the data", week1.filter((item) => item.key !== "coe:a"), ["successes", "coe:b", "actions", "custom:retro", "best"]],
    ["the first item is new", [built("wins", "successes"), ...week1], ["wins", "successes", "coe:b", "actions", "coe:a", "custom:retro", "best"]],
  ])("when %s", (_case, fresh, expected) => {
    const items = applyEdits(fresh, [], organizer);
    expect(keys(items)).toEqual(expected);
    expect(items.find((item) => item.key === "coe:b")).toMatchObject({ slots: 3, slotsEdited: true });
    expect(items.find((item) => item.key === "best")).toMatchObject({ pinned: true });
    expect(items.find((item) => item.key === "custom:retro")).toMatchObject({ custom: true, slots: 2, title: "Game day retro" });
  });

  it("without edits, items follow the typical order of the sections", () => {
    expect(keys(applyEdits([...week1].reverse(), [], EMPTY_EDITS))).toEqual(["successes", "actions", "coe:b", "coe:a", "metrics", "best"]);
  });
});

describe("carried items", () => {
  const carried: CarriedItem[] = [
    { key: "custom:old", title: "Pager load", section: "custom", slots: 1, description: "From last week", fromWeek: "2026-W47" },
    { key: "coe:b", title: "coe:b", section: "coes", slots: 1, description: "", fromWeek: "2026-W47" },
  ];

  it("open the agenda (or lead their section when the data still has them), once, marked with the week they came from", () => {
    const items = applyEdits(week1, carried, EMPTY_EDITS);
    expect(keys(items)).toEqual(["custom:old", "successes", "actions", "coe:b", "coe:a", "metrics", "best"]);
    expect(items.find((item) => item.key === "coe:b")!.carriedFrom).toBe("2026-W47");
    expect(items.find((item) => item.key === "custom:old")).toMatchObject({ carriedFrom: "2026-W47", title: "Pager load" });
    expect(items.find((item) => item.key === "coe:a")!.carriedFrom).toBeNull();
  });

  it("can be removed like any item", () => {
    expect(keys(applyEdits(week1, carried, edits({ removed: ["custom:old"] })))).not.toContain("custom:old");
  });
});

describe("mergeOrder and moveKey", () => {
  it.each([
    [["a", "b", "c"], [], ["a", "b", "c"]],
    [
      ["a", "b", "c"],
      ["c", "a", "b"],
      ["c", "a", "b"],
    ],
    [
      ["a", "b", "c", "d"],
      ["c", "a", "b"],
      ["c", "d", "a", "b"],
    ],
    [
      ["a", "x", "b"],
      ["b", "a"],
      ["b", "a", "x"],
    ],
  ])("natural %j with saved order %j gives %j", (natural, order, expected) => {
    expect(
      keys(
        mergeOrder(
          natural.map((key) => ({ key })),
          order,
        ),
      ),
    ).toEqual(expected);
  });

  it.each([
    [["a", "b", "c"], "b", -1, ["b", "a", "c"]],
    [["a", "b", "c"], "b", 1, ["a", "c", "b"]],
    [["a", "b", "c"], "a", -1, ["a", "b", "c"]],
    [["a", "b", "c"], "c", 1, ["a", "b", "c"]],
  ] as const)("%j: moving %s by %i gives %j", (order, key, direction, expected) => {
    expect(moveKey(order, key, direction)).toEqual(expected);
  });
});
