import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { processCpuMs } from "./cpu";

// Written by lib/db.ts for every SQL statement when ANDON_LOG_QUERIES is on.
const QUERY_LOG_MARKER = "[andon-query]";

export type AppServer = {
  baseUrl: string;
  queriesSoFar(): number;
  /** CPU time (user + system) the server process has used so far, in ms; null where /proc is missing. */
  cpuMsSoFar(): number | null;
  stop(): Promise<void>;
};

/**
 * `next start`, with SQL statement logging on when asked, counting statements from its output. With
 * `profileDir`, Node writes a CPU profile of the server there when it stops.
 */
export async function startAppServer(options: { port: number; env: Record<string, string>; logQueries: boolean; profileDir?: string }): Promise<AppServer> {
  let queries = 0;
  let output = "";
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(process.cwd(), "node_modules/next/dist/bin/next"), "start", "-p", String(options.port)], {
    env: { ...process.env, ...options.env, ANDON_LOG_QUERIES: String(options.logQueries), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let pending = "";
  child.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith(QUERY_LOG_MARKER)) queries++;
      else output = (output + line + "\n").slice(-4000);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const baseUrl = `http://localhost:${options.port}`;
  await waitForHealth(baseUrl, child, () => output);
  return { baseUrl, queriesSoFar: () => queries, cpuMsSoFar: () => processCpuMs(child.pid), stop: () => stopChild(child) };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app server did not become healthy within 60 s:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}
