/**
 * HTTP fuzzing of a production build: every API operation, page, download and server action,
 * with a token and a session cookie, filled with hostile input (scripts/fuzz/values.ts). Any 5xx,
 * timeout or dropped connection is printed with its request; the exit code is 1 if there was one.
 *
 *   npm run fuzz                                   10,000 requests against `next start` on port 3219
 *   npm run fuzz -- --url http://localhost:3000    against a running server
 *   npm run fuzz -- --count 500 --seed 7 --concurrency 4
 *
 * DATABASE_URL must name the server's database (a fresh admin with a token is created there), or set
 * FUZZ_TOKEN and FUZZ_COOKIE. Use a disposable database: the fuzzer's writes that are valid succeed.
 * Without --url it runs `next start` on the existing build (`npm run build` first).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { describeFinding, runFuzz, type Credentials } from "./fuzz/engine";
import { createFuzzUser, prepareFuzz } from "./fuzz/setup";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function waitUntilUp(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("next start did not answer within 120 s");
}

async function main(): Promise<void> {
  const count = Number(option("count") ?? 10_000);
  const seed = Number(option("seed") ?? Date.now() % 100_000);
  const concurrency = Number(option("concurrency") ?? 6);
  let baseUrl = option("url");
  let server: ChildProcess | undefined;
  if (!baseUrl) {
    const port = option("port") ?? "3219";
    baseUrl = `http://localhost:${port}`;
    server = spawn("npx", ["next", "start", "-p", port], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, PORT: port, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? baseUrl },
      detached: true,
    });
    await waitUntilUp(baseUrl, server);
  }
  try {
    let credentials: Credentials;
    if (process.env.FUZZ_TOKEN && process.env.FUZZ_COOKIE) credentials = { token: process.env.FUZZ_TOKEN, cookie: process.env.FUZZ_COOKIE };
    else if (process.env.DATABASE_URL) credentials = await createFuzzUser(baseUrl, process.env.DATABASE_URL, { admin: true });
    else throw new Error("Set DATABASE_URL (the server's database) or FUZZ_TOKEN and FUZZ_COOKIE.");

    const setup = await prepareFuzz(baseUrl, credentials);
    console.log(
      `fuzz: ${count} requests, seed ${seed}, concurrency ${concurrency} against ${baseUrl} — ` +
        `${Object.keys(setup.openapi.paths).length} API paths, ${setup.routes.length} routes, ${setup.actions.length} server actions, ` +
        `${[...setup.realSegments.values()].flat().length} real segment values`,
    );
    const report = await runFuzz(setup, {
      count,
      seed,
      concurrency,
      onProgress: (done, partial) => console.log(`  ${done} sent, ${partial.findings.length} findings`),
    });
    const rate = Math.round(report.requests / report.seconds);
    console.log(`\n${report.requests} requests in ${report.seconds.toFixed(1)} s (${rate}/s)`);
    console.log(`by door:   ${JSON.stringify(report.byDoor)}`);
    console.log(`by status: ${JSON.stringify(report.byStatus)}`);
    for (const finding of report.findings) console.log(describeFinding(finding));
    console.log(`${report.findings.length} findings (5xx, timeouts, dropped connections)`);
    process.exitCode = report.findings.length > 0 ? 1 : 0;
  } finally {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
