import { describe, expect, it } from "vitest";
import { evidenceFileProblem, MAX_EVIDENCE_BYTES, sniffEvidenceType } from "@/lib/verification/evidence-file";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe("evidence files", () => {
  it.each([
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), "image/png"],
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe0), "image/jpeg"],
    ["PDF", text("%PDF-1.7\n…"), "application/pdf"],
    ["a restore log", text("2026-12-05 restore started\n\trows: 1200\r\ndone ✓"), "text/plain; charset=utf-8"],
    ["bytes that are not UTF-8", bytes(0xc3, 0x28), null],
    ["text with NUL and control bytes", text("ELF\u0000\u0001\u0002"), null],
  ])("recognises %s from its bytes", (_name, content, expected) => {
    expect(sniffEvidenceType(content)).toBe(expected);
  });

  it("refuses empty, oversized and unknown files with a sentence for the user", () => {
    expect(evidenceFileProblem(new Uint8Array())).toBe("The file is empty.");
    expect(evidenceFileProblem(new Uint8Array(MAX_EVIDENCE_BYTES + 1).fill(0x41))).toMatch(/at most 5 MB/);
    expect(evidenceFileProblem(bytes(0x7f, 0x45, 0x4c, 0x46, 0x02))).toMatch(/PNG, JPEG or WebP image, a PDF or a plain-text file/);
    expect(evidenceFileProblem(text("fine"))).toBeNull();
  });
});
