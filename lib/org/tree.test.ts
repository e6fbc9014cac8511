import { describe, expect, it } from "vitest";
import { ancestorIds, ancestorIndex, flattenTree, subtreeIds, wouldCreateCycle } from "@/lib/org/tree";

const TEAMS = [
  { id: "a", parentId: null, name: "A" },
  { id: "b", parentId: "a", name: "B" },
  { id: "c", parentId: "b", name: "C" },
  { id: "d", parentId: "a", name: "D" },
  { id: "e", parentId: null, name: "E" },
];

describe("org tree", () => {
  it("lists a subtree, parents first", () => {
    expect(subtreeIds(TEAMS, "a")).toEqual(["a", "b", "d", "c"]);
    expect(subtreeIds(TEAMS, "c")).toEqual(["c"]);
  });

  it("walks ancestors up to the top", () => {
    expect(ancestorIds(TEAMS, "c")).toEqual(["c", "b", "a"]);
    expect(ancestorIds(TEAMS, "e")).toEqual(["e"]);
  });

  it("indexes every team's ancestor chain at once, as ancestorIds walks it", () => {
    const index = ancestorIndex(TEAMS);
    for (const team of TEAMS) expect(index.get(team.id)).toEqual(ancestorIds(TEAMS, team.id));
    expect(index.get("nope")).toBeUndefined();
    // A cycle is never written, but neither walk may loop on one.
    const cyclic = [
      { id: "x", parentId: "y" },
      { id: "y", parentId: "x" },
    ];
    expect(ancestorIndex(cyclic).get("x")).toEqual(ancestorIds(cyclic, "x"));
  });

  it.each([
    { team: "a", parent: "c", cycle: true },
    { team: "a", parent: "a", cycle: true },
    { team: "b", parent: "c", cycle: true },
    { team: "c", parent: "d", cycle: false },
    { team: "b", parent: null, cycle: false },
    { team: "e", parent: "c", cycle: false },
  ])("moving $team under $parent creates a cycle: $cycle", ({ team, parent, cycle }) => {
    expect(wouldCreateCycle(TEAMS, team, parent)).toBe(cycle);
  });

  it("flattens depth-first with depths, siblings by name", () => {
    expect(flattenTree(TEAMS).map((row) => `${row.depth}:${row.team.id}`)).toEqual(["0:a", "1:b", "2:c", "1:d", "0:e"]);
  });

  it("survives a corrupted tree with a loop without hanging", () => {
    const looped = [
      { id: "x", parentId: "y" },
      { id: "y", parentId: "x" },
    ];
    expect(ancestorIds(looped, "x")).toEqual(["x", "y"]);
    expect(subtreeIds(looped, "x")).toEqual(["x", "y"]);
  });
});
