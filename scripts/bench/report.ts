import fs from "node:fs";
import os from "node:os";
import type { LoadResult } from "./load";
import type { BenchRoute } from "./routes";

export type RouteResult = { route: BenchRoute; load: LoadResult; queriesPerRequest: number; cpuMsPerRequest?: number | null };

export const QUERY_BUDGET = 10;

function fixed(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}

/** Throughput as a share of the floor route of the same kind: pages and API against the query floor. */
function ratioToFloor(result: RouteResult, floors: { static?: RouteResult; query?: RouteResult }): string {
  if (result.route.floor) return "floor";
  const floor = floors.query;
  return floor ? `${fixed((result.load.requestsPerSecond / floor.load.requestsPerSecond) * 100)}%` : "–";
}

export function resultTable(results: RouteResult[]): string {
  const floors = { static: results.find((r) => r.route.floor === "static"), query: results.find((r) => r.route.floor === "query") };
  const header = "| route | req/s | p50 ms | p95 ms | p99 ms | queries/req | server CPU ms/req | vs query floor | errors |";
  const divider = "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
  const rows = results.map((result) => {
    const flag = result.queriesPerRequest > QUERY_BUDGET ? " ⚠ over budget" : "";
    return `| ${result.route.name} \`${result.route.path.split("?")[0]}\` | ${fixed(result.load.requestsPerSecond)} | ${fixed(result.load.p50)} | ${fixed(result.load.p95)} | ${fixed(result.load.p99)} | ${fixed(result.queriesPerRequest, 1)}${flag} | ${fixed(result.cpuMsPerRequest ?? NaN)} | ${ratioToFloor(result, floors)} | ${result.load.errors + result.load.non2xx} |`;
  });
  return [header, divider, ...rows].join("\n");
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}`;
}

/** Prepends this run to BENCHMARKS.md, so earlier runs stay as the "before". */
export function recordRun(file: string, run: { title: string; settings: string; seedSummary: string; jobs: string; table: string }): void {
  const intro = "# Benchmarks\n\nProduced by `npm run bench` (see README). Newest run first; earlier runs stay below as the record of before and after.\n";
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8").replace(intro, "").trim() : "";
  const section = [
    `## ${run.title}`,
    "",
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${machineLine()}`,
    `- Load: ${run.settings}`,
    `- Data: ${run.seedSummary}`,
    `- Background jobs: ${run.jobs}`,
    "",
    run.table,
    "",
  ].join("\n");
  fs.writeFileSync(file, `${intro}\n${section}${previous ? `\n${previous}\n` : ""}`);
}
