import { describe, expect, it } from "vitest";
import { nestedDeeperThan, storableText, storableValue } from "@/lib/storable-text";

describe("storable text", () => {
  it("drops NUL characters, which PostgreSQL text cannot hold", () => {
    expect(storableText("a\0b\0")).toBe("ab");
    expect(storableText("plain")).toBe("plain");
  });

  it("cleans every string inside parsed input and leaves other values alone", () => {
    const date = new Date(0);
    expect(storableValue({ title: "x\0", tags: ["a\0", 1, null], nested: { note: "\0n" }, at: date, ok: true })).toEqual({
      title: "x",
      tags: ["a", 1, null],
      nested: { note: "n" },
      at: date,
      ok: true,
    });
  });

  it("cleans object keys too (a jsonb key cannot hold NUL either)", () => {
    expect(storableValue({ "ke\0y": { "in\0ner": 1 } })).toEqual({ key: { inner: 1 } });
  });

  it("tells input nested deeper than the limit from input at the limit", () => {
    const nest = (levels: number): unknown => (levels === 0 ? "leaf" : { child: nest(levels - 1) });
    expect(nestedDeeperThan(nest(64))).toBe(false);
    expect(nestedDeeperThan(nest(65))).toBe(true);
    expect(nestedDeeperThan([[["x"]]], 2)).toBe(true);
    expect(nestedDeeperThan("text", 0)).toBe(false);
  });
});
