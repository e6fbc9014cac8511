/**
 * Server CPU and response size per request for any paths, against an app server already running
 * (e.g. one started by `npm run bench -- --keep` or `next start`), for quick before/after checks:
 *
 *   tsx scripts/bench/probe.ts --url http://localhost:3700 --pid <server pid> --database andon_bench_<ts> /coes /actions
 */
import fs from "node:fs";
import path from "node:path";
import type { BenchFixtures } from "./seed-large";
import { signIn } from "./session";

function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const take = (flag: string) => {
    const index = args.indexOf(flag);
    if (index < 0) throw new Error(`${flag} is required`);
    return args.splice(index, 2)[1]!;
  };
  const baseUrl = take("--url");
  const pid = Number(take("--pid"));
  const database = take("--database");
  const fixtures = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "bench", `${database}.json`), "utf8")) as BenchFixtures;
  const cookie = await signIn(baseUrl, fixtures.managerEmail, fixtures.password);
  for (const route of args) {
    const headers: Record<string, string> = route.startsWith("/api/v1") ? { authorization: `Bearer ${fixtures.managerToken}` } : { cookie };
    for (let warm = 0; warm < 5; warm++) await (await fetch(baseUrl + route, { headers })).arrayBuffer();
    const before = cpuMs(pid);
    const started = Date.now();
    let bytes = 0;
    const samples = 30;
    for (let sample = 0; sample < samples; sample++) bytes += (await (await fetch(baseUrl + route, { headers })).arrayBuffer()).byteLength;
    console.log(
      `${route}: ${((cpuMs(pid) - before) / samples).toFixed(1)} ms CPU, ${((Date.now() - started) / samples).toFixed(0)} ms wall, ${(bytes / samples / 1024).toFixed(0)} KB`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
