import fs from "node:fs";
import os from "node:os";

import { describe, expect, it, vi } from "vitest";

import { binOf, exitCodeOf, run, StepFailure } from "./children";

describe("the tools npm test runs", () => {
  it("finds a package's CLI through its package.json bin, by package or by command name", () => {
    expect(fs.existsSync(binOf("knip"))).toBe(true);
    expect(binOf("typescript", "tsc")).toMatch(/node_modules\/typescript\/bin\/tsc$/);
    expect(() => binOf("typescript", "no-such-command")).toThrow('typescript has no "no-such-command" command; run npm install');
  });

  it("reports a tool's exit code, or 128 plus the number of the signal that ended it", () => {
    expect(exitCodeOf(0, null)).toBe(0);
    expect(exitCodeOf(2, null)).toBe(2);
    expect(exitCodeOf(null, "SIGTERM")).toBe(128 + os.constants.signals.SIGTERM);
    expect(exitCodeOf(null, "SIGKILL")).toBe(137);
  });

  it("fails a step with the tool's own exit code", async () => {
    const script = `${os.tmpdir()}/andon-test-runner-exit-${process.pid}.cjs`;
    fs.writeFileSync(script, "process.exit(3);\n");
    try {
      await expect(run("exit-3", script, [])).rejects.toEqual(new StepFailure("exit-3 exited with code 3", 3));
      await expect(run("exit-3", script, [])).rejects.toHaveProperty("exitCode", 3);
    } finally {
      fs.rmSync(script, { force: true });
    }
  });

  it("holds a tool's output, stdout and stderr alike, and writes it in one piece under the tool's name when it ends", async () => {
    const script = `${os.tmpdir()}/andon-test-runner-held-${process.pid}.cjs`;
    fs.writeFileSync(script, 'process.stdout.write("out\\n"); process.stderr.write("err\\n"); process.exitCode = 2;\n');
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    try {
      await expect(run("held", script, [], {}, { held: true })).rejects.toHaveProperty("exitCode", 2);
    } finally {
      write.mockRestore();
      fs.rmSync(script, { force: true });
    }
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^ {2}── held ──\n(out\nerr|err\nout)\n$/);
  });
});
