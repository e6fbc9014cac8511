import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";
import { contentDisposition, safeFilename } from "@/lib/download";

describe("toCsv", () => {
  it("quotes what needs quoting, ends lines with CRLF and writes instants in UTC", () => {
    const csv = toCsv(
      ["a", "b", "c"],
      [
        ["plain", 'say "hi", twice', new Date("2026-03-01T10:00:00Z")],
        [null, 3.5, "line\nbreak"],
      ],
    );
    expect(csv).toBe('a,b,c\r\nplain,"say ""hi"", twice",2026-03-01T10:00:00.000Z\r\n,3.5,"line\nbreak"\r\n');
  });

  it("keeps formulas as text but negative numbers as numbers", () => {
    expect(toCsv(["x"], [["=HYPERLINK(1)"], ["+1"], ["@SUM(A1)"], ["-2"], [-2]])).toBe("x\r\n'=HYPERLINK(1)\r\n'+1\r\n'@SUM(A1)\r\n'-2\r\n-2\r\n");
  });
});

describe("download filenames", () => {
  it.each([
    ['Payments "core" / EU', "Payments-core-EU"],
    ["../../etc/passwd", "etc-passwd"],
    ["Ünïcode café.csv", "Unicode-cafe.csv"],
    ["\r\n", "download"],
  ])("%j becomes %j", (name, expected) => expect(safeFilename(name)).toBe(expected));

  it("keeps the whole name UTF-8 encoded beside the ASCII one, with no header injection", () => {
    const header = contentDisposition('Zahlungen "EU"\r\nSet-Cookie: x.csv');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain('filename="Zahlungen-EU-Set-Cookie-x.csv"');
    expect(header).toContain("filename*=UTF-8''Zahlungen%20%22EU%22%20%20Set-Cookie%3A%20x.csv");
  });
});
