import { describe, expect, it } from "vitest";
import { boundedLineDiff, lineDiff } from "@/lib/coes/revision-diff";

const lines = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix} line ${index}`).join("\n") + "\n";

function cpuMs(work: () => void): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

describe("bounded revision diff", () => {
  it.each([2_000, 16_000])("gives up quickly on two revisions differing in %i lines", (count) => {
    let result: ReturnType<typeof boundedLineDiff> = null;
    const spent = cpuMs(() => (result = boundedLineDiff(lines(count, "before"), lines(count, "after"))));
    expect(result).toBeNull();
    expect(spent).toBeLessThan(500);
  });

  it("still diffs ordinary edits line by line", () => {
    const before = lines(3_000, "same");
    const after = before.replace("same line 1500\n", "changed line 1500\n");
    expect(boundedLineDiff(before, after)?.filter((row) => row.kind !== "same")).toEqual([
      { kind: "removed", text: "same line 1500" },
      { kind: "added", text: "changed line 1500" },
    ]);
  });

  it("lineDiff falls back to all removed, then all added, when the revisions are too different", () => {
    const rows = lineDiff(lines(2_000, "a"), lines(2_000, "b"));
    expect(rows).toHaveLength(4_000);
    expect(rows[0]).toEqual({ kind: "removed", text: "a line 0" });
    expect(rows[2_000]).toEqual({ kind: "added", text: "b line 0" });
  });
});
