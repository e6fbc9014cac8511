import { describe, expect, it } from "vitest";
import { formatDuration, incidentDurations } from "@/lib/coes/durations";
import { splitHeadline } from "@/lib/coes/headline";
import { imageProblem, sniffImageType } from "@/lib/coes/image";
import { lineDiff, splitDiff } from "@/lib/coes/revision-diff";

describe("sniffImageType", () => {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0];
  const jpeg = [0xff, 0xd8, 0xff, 0xe0, 0, 0];
  const webp = [...Buffer.from("RIFF"), 1, 2, 3, 4, ...Buffer.from("WEBPVP8 ")];
  const cases: [string, number[], string | null][] = [
    ["PNG", png, "image/png"],
    ["JPEG", jpeg, "image/jpeg"],
    ["WebP", webp, "image/webp"],
    ["a RIFF that is not WebP (WAV)", [...Buffer.from("RIFF"), 1, 2, 3, 4, ...Buffer.from("WAVE")], null],
    ["GIF", [...Buffer.from("GIF89a")], null],
    ["SVG pretending to be an image", [...Buffer.from("<svg onload=alert(1)>")], null],
    ["HTML", [...Buffer.from("<!doctype html>")], null],
    ["a truncated PNG header", png.slice(0, 4), null],
  ];
  it.each(cases)("%s", (_name, bytes, expected) => {
    expect(sniffImageType(new Uint8Array(bytes))).toBe(expected);
  });

  it("refuses empty, oversized and unknown files with a reason", () => {
    expect(imageProblem(new Uint8Array())).toMatch(/empty/);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(png);
    expect(imageProblem(big)).toMatch(/5 MB/);
    expect(imageProblem(new Uint8Array([1, 2, 3]))).toMatch(/PNG, JPEG and WebP/);
    expect(imageProblem(new Uint8Array(png))).toBeNull();
  });
});

describe("splitHeadline", () => {
  it("marks only the highlighted pieces and keeps markup as plain text", () => {
    expect(splitHeadline("the \u0002DNS\u0003 <b>record</b> \u0002TTL\u0003")).toEqual([
      { text: "the ", highlighted: false },
      { text: "DNS", highlighted: true },
      { text: " <b>record</b> ", highlighted: false },
      { text: "TTL", highlighted: true },
    ]);
  });
});

describe("incident durations", () => {
  it("measures from the start", () => {
    const times = { startedAt: "2026-11-01T10:00:00Z", detectedAt: "2026-11-01T10:07:00Z", mitigatedAt: "2026-11-01T12:30:00Z", resolvedAt: null };
    const durations = incidentDurations(times);
    expect(formatDuration(durations.toDetect)).toBe("7 min");
    expect(formatDuration(durations.toMitigate)).toBe("2 h 30 min");
    expect(formatDuration(durations.toResolve)).toBe("—");
  });
  it.each([
    [0, "0 min"],
    [60 * 60_000, "1 h"],
    [26 * 60 * 60_000, "1 d 2 h"],
    [48 * 60 * 60_000, "2 d"],
    [-1, "—"],
  ])("formats %d ms as %s", (milliseconds, text) => {
    expect(formatDuration(milliseconds)).toBe(text);
  });
});

describe("lineDiff", () => {
  it("marks removed and added lines", () => {
    expect(lineDiff("a\nb\nc\n", "a\nB\nc\n")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
    ]);
  });
});

describe("splitDiff", () => {
  it("faces each removed run with the lines that replaced it", () => {
    const rows = lineDiff("a\nb\nc\nd\n", "a\nB1\nB2\nd\nE\n");
    expect(splitDiff(rows).map(({ left, right }) => [left?.text ?? null, right?.text ?? null])).toEqual([
      ["a", "a"],
      ["b", "B1"],
      ["c", "B2"],
      ["d", "d"],
      [null, "E"],
    ]);
  });
});
