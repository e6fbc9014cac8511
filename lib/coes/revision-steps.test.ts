import { describe, expect, it } from "vitest";
import { coalesceRevisions, STEP_GAP_MS, type RevisionEntry } from "@/lib/coes/revision-steps";

const START = new Date("2026-11-30T09:00:00Z").getTime();
const MINUTE = 60 * 1000;

/** [author, minutes after the start, summary?] per revision, versions 1, 2, 3, … in order. */
type Save = [author: string | null, minute: number, summary?: string];

function revisionsOf(saves: Save[]): RevisionEntry[] {
  return saves.map(([author, minute, summary], index) => ({
    version: index + 1,
    createdAt: new Date(START + minute * MINUTE),
    summary: summary ?? "Edited",
    authorId: author,
    authorName: author ? `Name of ${author}` : null,
  }));
}

/** Each step as "base→first..last", newest first. */
const shape = (saves: Save[]) => coalesceRevisions(revisionsOf(saves)).map((step) => `${step.baseVersion}→${step.firstVersion}..${step.lastVersion}`);

describe("coalescing revisions into steps", () => {
  it.each<[string, Save[], string[]]>([
    ["no revisions", [], []],
    ["a single revision, measured from the empty document", [["ann", 0]], ["0→1..1"]],
    [
      "saves by one author a few minutes apart",
      [
        ["ann", 0],
        ["ann", 3],
        ["ann", 9],
      ],
      ["0→1..3"],
    ],
    [
      "a long sitting: each gap is short, so the step outlasts ten minutes",
      [
        ["ann", 0],
        ["ann", 8],
        ["ann", 16],
        ["ann", 24],
      ],
      ["0→1..4"],
    ],
    [
      "a pause of more than ten minutes starts a new step",
      [
        ["ann", 0],
        ["ann", 2],
        ["ann", 30],
        ["ann", 31],
      ],
      ["2→3..4", "0→1..2"],
    ],
    [
      "a gap of exactly ten minutes starts a new step",
      [
        ["ann", 0],
        ["ann", 10],
      ],
      ["1→2..2", "0→1..1"],
    ],
    [
      "a gap just under ten minutes does not",
      [
        ["ann", 0],
        ["ann", 10 - 1 / 60_000],
      ],
      ["0→1..2"],
    ],
    [
      "another author's save splits a sitting, even a minute later",
      [
        ["ann", 0],
        ["ann", 1],
        ["bob", 2],
        ["ann", 3],
        ["ann", 4],
      ],
      ["3→4..5", "2→3..3", "0→1..2"],
    ],
    [
      "saves whose author is gone are never joined: they may be different people",
      [
        [null, 0],
        [null, 1],
      ],
      ["1→2..2", "0→1..1"],
    ],
  ])("%s", (_name, saves, expected) => {
    expect(shape(saves)).toEqual(expected);
  });

  it("keeps every revision, newest first, and names the step's author, time span and kinds of save", () => {
    const saves: Save[] = [
      ["ann", 0, "Created"],
      ["ann", 1],
      ["ann", 2],
      ["ann", 5, "Submitted for review"],
    ];
    const [step] = coalesceRevisions(revisionsOf(saves));
    expect(step!.revisions.map((revision) => revision.version)).toEqual([4, 3, 2, 1]);
    expect(step!.authorName).toBe("Name of ann");
    expect(step!.startedAt).toEqual(new Date(START));
    expect(step!.endedAt).toEqual(new Date(START + 5 * MINUTE));
    expect(step!.summaries).toEqual([
      { summary: "Created", count: 1 },
      { summary: "Edited", count: 2 },
      { summary: "Submitted for review", count: 1 },
    ]);
  });

  it("takes revisions in any order and accepts another gap", () => {
    const revisions = revisionsOf([
      ["ann", 0],
      ["ann", 4],
    ]).reverse();
    expect(coalesceRevisions(revisions).map((step) => step.lastVersion)).toEqual([2]);
    expect(coalesceRevisions(revisions, 3 * MINUTE).map((step) => step.lastVersion)).toEqual([2, 1]);
    expect(STEP_GAP_MS).toBe(10 * MINUTE);
  });
});
