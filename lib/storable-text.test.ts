import { describe, expect, it } from "vitest";
import { storableText, storableValue } from "@/lib/storable-text";

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
});
