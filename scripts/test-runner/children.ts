/**
 * The tools `npm test` runs: one Node CLI at a time, its output inherited, so the tool's own report
 * is what people read.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A step failed in a way already reported by the tool's own output. */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

let current: ChildProcess | undefined;
let closed = false;

/** Runs a Node CLI to completion; throws StepFailure on a non-zero exit, or once the run is closing. */
export function run(label: string, script: string, args: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  if (closed) return Promise.reject(new StepFailure("interrupted", 130));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    current = child;
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      current = undefined;
      if (code === 0) resolve();
      else reject(new StepFailure(`${label} exited with ${signal ?? `code ${code}`}`, exitCodeOf(code, signal)));
    });
  });
}

/** A terminal's Ctrl-C reaches the running tool too; SIGTERM covers a signal sent to npm test alone. */
export function interruptChild(): void {
  current?.kill("SIGTERM");
}

/** Starts no more tools and waits for the running one to exit (killed after 15 s). */
export async function closeChildren(): Promise<void> {
  closed = true;
  const child = current;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await new Promise((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
}

/** The shell's convention: the exit code, or 128 + the signal's number. */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0);
}

/**
 * Path of a package's CLI script, read from its package.json `bin` (some packages do not export
 * their bin files, so require.resolve cannot reach them).
 */
export function binOf(packageName: string, binName: string = packageName): string {
  const packageDir = path.join(process.cwd(), "node_modules", packageName);
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    bin?: string | Record<string, string>;
  };
  const relative = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[binName];
  if (!relative) throw new Error(`${packageName} has no "${binName}" command; run npm install`);
  return path.join(packageDir, relative);
}
