import { describe, expect, it } from "vitest";
import { declaredTooLarge, fileProblem, storedFileName, type FileRule } from "@/lib/uploads/file-rules";

const textOnly: FileRule<"text/plain"> = {
  maxBytes: 10,
  sniff: (bytes) => (bytes.every((byte) => byte >= 0x20 && byte < 0x7f) ? "text/plain" : null),
  tooLarge: "At most 10 bytes.",
  wrongType: "Only text.",
  fallbackName: "note",
};
const bytes = (value: string) => new TextEncoder().encode(value);

describe("file rules", () => {
  it("refuses an empty, an oversized and an unrecognised file with the rule's sentence", () => {
    expect(fileProblem(new Uint8Array(), textOnly)).toBe("The file is empty.");
    expect(fileProblem(bytes("eleven byte"), textOnly)).toBe("At most 10 bytes.");
    expect(fileProblem(new Uint8Array([0, 1]), textOnly)).toBe("Only text.");
    expect(fileProblem(bytes("ten bytes!"), textOnly)).toBeNull();
  });

  it("stores a file name without path or header characters, or the rule's fallback", () => {
    expect(storedFileName('../../etc/passwd"\r\n.txt', "evidence")).toBe(".._.._etc_passwd_.txt");
    expect(storedFileName("", "evidence")).toBe("evidence");
    expect(storedFileName("x".repeat(200), "image")).toHaveLength(120);
  });

  it("refuses a declared body larger than the cap plus the multipart envelope before reading it", () => {
    const request = (length: number) => new Request("http://andon.test/upload", { method: "POST", headers: { "content-length": String(length) } });
    expect(declaredTooLarge(request(10 + 64 * 1024), textOnly)).toBe(false);
    expect(declaredTooLarge(request(11 + 64 * 1024), textOnly)).toBe(true);
    expect(declaredTooLarge(new Request("http://andon.test/upload"), textOnly)).toBe(false);
  });
});
