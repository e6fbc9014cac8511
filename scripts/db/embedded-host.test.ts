import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ServerLog, settlesWithin } from "./embedded-host";

describe("ServerLog", () => {
  it("appends every line to its file and keeps the last 25 for an error message", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "andon-log-")), "postgres.log");
    const log = new ServerLog(file);
    for (let n = 1; n <= 30; n++) log.write(`line ${n}`);
    log.write("\n\n");
    expect(log.tail().split("\n")).toHaveLength(25);
    expect(log.tail()).toMatch(/^ {2}\| line 6\n/);
    expect(log.tail()).toMatch(/\| line 30$/);
    log.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(file, "utf8")).toContain("line 1\n");
  });
});

describe("settlesWithin", () => {
  it("says whether a promise settles in time", async () => {
    expect(await settlesWithin(Promise.resolve(), 1000)).toBe(true);
    expect(await settlesWithin(new Promise(() => undefined), 20)).toBe(false);
  });
});
