import { describe, expect, it } from "vitest";
import { BACKUP_FORMAT, BACKUP_VERSION, parseManifest } from "./backup-format";

const manifest = {
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  createdAt: "2026-12-06T00:00:00.000Z",
  postgres: "17.2",
  schema: "public",
  migrations: ["m1"],
};

describe("parseManifest", () => {
  it("reads an andon-backup manifest of this version", () => {
    expect(parseManifest(JSON.stringify(manifest))).toEqual(manifest);
  });

  it.each([
    ["a first line that is not JSON", "\u001f\u008b not json", /first line is not JSON/],
    ["another format", JSON.stringify({ ...manifest, format: "pg_dump" }), /no andon-backup manifest/],
    ["another version", JSON.stringify({ ...manifest, version: BACKUP_VERSION + 1 }), /format version 2; this Andon reads version 1/],
  ])("refuses %s with a sentence that says why", (_name, line, message) => {
    expect(() => parseManifest(line)).toThrow(message);
  });
});
