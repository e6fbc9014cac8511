/**
 * The tools `npm test` runs: Node CLIs whose own report is what people read. A tool runs alone with
 * its output inherited, or beside others with its output held and written in one piece when it ends,
 * so that reports of tools running side by side do not interleave.
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

const running = new Set<ChildProcess>();
let closed = false;

/**
 * Runs a Node CLI to completion; throws StepFailure on a non-zero exit, or once the run is closing.
 * `held`: the tool's output (stdout and stderr, in the order written) goes to stdout when it exits.
 */
export function run(label: string, script: string, args: string[], extraEnv: Record<string, string> = {}, options: { held?: boolean } = {}): Promise<void> {
  if (closed) return Promise.reject(new StepFailure("interrupted", 130));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: options.held ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, ...extraEnv },
    });
    const output: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    running.add(child);
    child.once("error", reject);
    // "close", not "exit": the pipes are drained by then, so held output is complete.
    child.once("close", (code, signal) => {
      running.delete(child);
      if (output.length > 0) process.stdout.write(Buffer.concat([Buffer.from(`  ── ${label} ──\n`), ...output]));
      if (code === 0) resolve();
      else reject(new StepFailure(`${label} exited with ${signal ?? `code ${code}`}`, exitCodeOf(code, signal)));
    });
  });
}

/** A terminal's Ctrl-C reaches the running tools too; SIGTERM covers a signal sent to npm test alone. */
export function interruptChild(): void {
  for (const child of running) child.kill("SIGTERM");
}

/** Starts no more tools and waits for the running ones to exit (killed after 15 s). */
export async function closeChildren(): Promise<void> {
  closed = true;
  await Promise.all(
    [...running].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await new Promise((resolve) => child.once("close", resolve));
      clearTimeout(timer);
    }),
  );
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
