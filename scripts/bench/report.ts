import fs from "node:fs";
import os from "node:os";
import type { LoadResult } from "./load";
import type { BenchRoute } from "./routes";
import type { WebhookBenchResult } from "./webhooks";

type CpuSample = { nodeMs: number | null; postgresMs: number | null; p50: number };

export type RouteResult = {
  route: BenchRoute;
  load: LoadResult;
  queriesPerRequest: number;
  /** CPU per request from sequential full loads, Node and PostgreSQL. */
  cpu: CpuSample;
  /** The same for a client-side navigation (RSC request) from home; null for API routes and floors. */
  navigation: CpuSample | null;
  /** 1-minute load average before and after the route was measured. */
  loadAverage: { before: number; after: number };
};

/** Targets from the performance work (issue 20): checked per row and flagged in the table. */
const TARGETS = { queriesPerRequest: 8, pageCpuVsStatic: 8, pageThroughputVsPageFloor: 0.5, apiThroughputVsQueryFloor: 0.8, pageP95Ms: 250 };
/** Targets of the webhooks step (issue 15): a write's p95 with 5 subscribed endpoints, and the drain rate. */
const WEBHOOK_TARGETS = { writeP95IncreasePct: 10, drainPerSecond: 100 };
/**
 * A route that started while the machine's 1-minute load average was above this is marked noisy (the
 * bench waits for it to settle first, see measure.ts; the reading after a route includes its own load).
 */
export const NOISY_LOAD = 1.5;

function fixed(value: number | null | undefined, digits = 0): string {
  return value !== null && value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : "–";
}

const cpuSum = (cpu: CpuSample) => (cpu.nodeMs === null ? null : cpu.nodeMs + (cpu.postgresMs ?? 0));
const isPage = (result: RouteResult) => result.route.auth === "session" && !result.route.path.startsWith("/api/");

type Floors = Partial<Record<NonNullable<BenchRoute["floor"]>, RouteResult>>;

/** Throughput as a share of the floor of the same kind: pages against the signed-in page floor, API routes against the query floor. */
function throughputShare(result: RouteResult, floors: Floors): number | null {
  const floor = isPage(result) ? floors.page : floors.query;
  return floor && floor.load.requestsPerSecond > 0 ? result.load.requestsPerSecond / floor.load.requestsPerSecond : null;
}

/** Node + PostgreSQL CPU per request as a multiple of the static page's. */
function cpuVsStatic(result: RouteResult, floors: Floors): number | null {
  const mine = cpuSum(result.cpu);
  const base = floors.static ? cpuSum(floors.static.cpu) : null;
  return mine !== null && base ? mine / base : null;
}

function missedTargets(result: RouteResult, floors: Floors): string[] {
  if (result.route.floor) return [];
  const missed: string[] = [];
  if (result.queriesPerRequest > TARGETS.queriesPerRequest) missed.push(`> ${TARGETS.queriesPerRequest} statements`);
  const share = throughputShare(result, floors);
  if (isPage(result)) {
    const cpu = cpuVsStatic(result, floors);
    if (cpu !== null && cpu > TARGETS.pageCpuVsStatic) missed.push(`CPU > ${TARGETS.pageCpuVsStatic}× static`);
    if (share !== null && share < TARGETS.pageThroughputVsPageFloor) missed.push(`< ${TARGETS.pageThroughputVsPageFloor}× page floor`);
    if (result.load.p95 > TARGETS.pageP95Ms) missed.push(`p95 > ${TARGETS.pageP95Ms} ms`);
  } else if (share !== null && share < TARGETS.apiThroughputVsQueryFloor) missed.push(`< ${TARGETS.apiThroughputVsQueryFloor}× query floor`);
  return missed;
}

/** "floor" for the floors, except the framed one, which shows its share of the page floor: the most any framed page can reach. */
function floorShareCell(result: RouteResult, share: number | null): string {
  const percent = share === null ? "–" : `${fixed(share * 100)}%`;
  if (result.route.floor === "frame") return `${percent} (floor)`;
  return result.route.floor ? "floor" : percent;
}

export function resultTable(results: RouteResult[]): string {
  const floors: Floors = Object.fromEntries(results.filter((r) => r.route.floor).map((r) => [r.route.floor, r]));
  const header =
    "| route | req/s | p50 ms | p95 ms | p99 ms | SQL/req | Node CPU ms | PostgreSQL CPU ms | CPU × static | vs floor | navigation CPU ms (Node + PG) | load avg (start→end) | errors | targets missed |";
  const divider = "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |";
  const rows = results.map((result) => {
    const share = throughputShare(result, floors);
    const noisy = result.loadAverage.before > NOISY_LOAD ? " noisy" : "";
    const navigation = result.navigation ? `${fixed(result.navigation.nodeMs, 1)} + ${fixed(result.navigation.postgresMs, 1)}` : "";
    return [
      `${result.route.name} \`${result.route.path.split("?")[0]}\``,
      fixed(result.load.requestsPerSecond),
      fixed(result.load.p50),
      fixed(result.load.p95),
      fixed(result.load.p99),
      fixed(result.queriesPerRequest, 1),
      fixed(result.cpu.nodeMs, 1),
      fixed(result.cpu.postgresMs, 1),
      result.route.floor === "static" ? "1" : fixed(cpuVsStatic(result, floors), 1),
      floorShareCell(result, share),
      navigation,
      `${fixed(result.loadAverage.before, 1)}→${fixed(result.loadAverage.after, 1)}${noisy}`,
      String(result.load.errors + result.load.non2xx),
      missedTargets(result, floors).join(", ") || (result.route.floor ? "" : "met"),
    ].join(" | ");
  });
  return [header, divider, ...rows.map((row) => `| ${row} |`)].join("\n");
}

/** The webhooks step as a table: the write's latency without and with 5 endpoints, and the drain rate. */
export function webhookTable(result: WebhookBenchResult): string {
  const none = result.withoutEndpoints;
  const five = result.withEndpoints;
  const increasePct = none.p95 > 0 ? ((five.p95 - none.p95) / none.p95) * 100 : null;
  const writeMet = increasePct !== null && increasePct <= WEBHOOK_TARGETS.writeP95IncreasePct;
  const drainMet = result.drain.perSecond >= WEBHOOK_TARGETS.drainPerSecond;
  const sign = increasePct !== null && increasePct >= 0 ? "+" : "";
  const verdict = (met: boolean) => (result.smoke ? "smoke run, not judged" : met ? "met" : "missed");
  return [
    "| webhooks | p50 ms | p95 ms | p99 ms | result | target |",
    "| --- | ---: | ---: | ---: | --- | --- |",
    `| ${result.route}, no endpoint (${result.writesPerVariant} sequential writes) | ${fixed(none.p50, 1)} | ${fixed(none.p95, 1)} | ${fixed(none.p99, 1)} |  |  |`,
    `| the same, 5 subscribed endpoints being delivered to (${result.deliveredDuringWrites} messages) | ${fixed(five.p50, 1)} | ${fixed(five.p95, 1)} | ${fixed(five.p99, 1)} | p95 ${increasePct === null ? "–" : `${sign}${fixed(increasePct)} %`} | within ${WEBHOOK_TARGETS.writeP95IncreasePct} %: ${verdict(writeMet)} |`,
    `| ${result.drain.messages} queued deliveries drained by the app's job | | | | ${fixed(result.drain.seconds, 1)} s, ${fixed(result.drain.perSecond)} per second | ≥ ${WEBHOOK_TARGETS.drainPerSecond} per second: ${verdict(drainMet)} |`,
  ].join("\n");
}

function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}`;
}

/** Prepends this run to BENCHMARKS.md, so earlier runs stay as the "before". */
export function recordRun(file: string, run: { title: string; settings: string; seedSummary: string; jobs: string; table: string; webhooks?: string }): void {
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
    ...(run.webhooks ? [run.webhooks, ""] : []),
  ].join("\n");
  fs.writeFileSync(file, `${intro}\n${section}${previous ? `\n${previous}\n` : ""}`);
}
