/**
 * Andon's HTTP server (`npm start` runs it; so can an operator: `node --import tsx scripts/server/index.ts`).
 * Next.js's own `next start` keeps keep-alive connections open after SIGTERM and logs plain text;
 * this small entry serves the same app through Next's request handler and adds:
 * - graceful shutdown on SIGTERM/SIGINT within SHUTDOWN_TIMEOUT_SECONDS (see shutdown.ts),
 * - a request id per request (x-request-id, kept from the caller when sane) in every log line,
 * - JSON log lines for everything written to the console,
 * - request counts and latency by route for /api/metrics,
 * - the "database unavailable" page with 503 for a page that failed because the database went away.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";

import next from "next";

import { answerOutageForFailedPage } from "../../lib/ops/failed-page";
import { metrics, routeLabel } from "../../lib/ops/metrics";
import { requestStorage } from "../../lib/ops/request-context";
import { shutdownTimeoutSeconds } from "../../lib/env";
import { logError, logInfo } from "../../lib/log";
import { installJsonConsole } from "./json-console";
import { gracefulServer } from "./shutdown";

installJsonConsole();

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT) || 3000;
// HOST, not HOSTNAME: container runtimes set HOSTNAME to the container id.
const hostname = process.env.HOST?.trim() || "0.0.0.0";
const REQUEST_ID = /^[\w.:-]{1,100}$/;

const globalForServer = globalThis as unknown as {
  andonShuttingDown?: boolean;
  andonStopJobs?: (timeoutMs: number) => Promise<void>;
  andonPool?: { end(): Promise<void> };
};

async function main(): Promise<void> {
  const shutdownSeconds = shutdownTimeoutSeconds();
  const app = next({ dev, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer();
  // Longer than a load balancer's idle timeout (60 s on AWS), so the balancer closes first.
  server.keepAliveTimeout = 65_000;
  const graceful = gracefulServer(server, shutdownSeconds * 1000);
  const recorder = metrics();

  server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
    graceful.track(request, response);
    const incoming = request.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    response.setHeader("x-request-id", requestId);
    const path = (request.url ?? "/").split("?")[0]!;
    const started = process.hrtime.bigint();
    // A page whose rendering fails because the database just went away answers 503, not 500.
    answerOutageForFailedPage(request, response);
    response.once("finish", () => {
      const route = routeLabel(path);
      const method = request.method ?? "GET";
      recorder.httpRequests.inc({ method, route, status: String(response.statusCode) });
      recorder.httpDuration.observe({ method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    requestStorage().run({ requestId, method: request.method, path }, () => {
      handle(request, response).catch((error: unknown) => {
        logError("request failed", error, { method: request.method, path });
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
  });

  const stop = async (signal: string) => {
    if (graceful.shuttingDown) return;
    globalForServer.andonShuttingDown = true;
    const deadline = Date.now() + shutdownSeconds * 1000;
    logInfo("shutting down: no new connections, finishing requests in flight", { signal, inFlight: graceful.inFlight, timeoutSeconds: shutdownSeconds });
    // Whatever hangs below, the process is gone by the deadline.
    setTimeout(() => process.exit(1), shutdownSeconds * 1000 + 500).unref();
    const { drained, inFlight } = await graceful.shutdown();
    if (!drained) logError("shutdown deadline reached with requests still running", new Error("shutdown timeout"), { inFlight });
    const remaining = () => Math.max(0, deadline - Date.now());
    await withDeadline(globalForServer.andonStopJobs?.(Math.max(1_000, remaining() - 1_000)), remaining());
    await withDeadline(globalForServer.andonPool?.end(), Math.min(remaining(), 2_000));
    logInfo("stopped", { drained });
    process.exit(drained ? 0 : 1);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));

  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  logInfo("listening", { url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`, mode: dev ? "development" : "production" });
}

function withDeadline(work: Promise<unknown> | undefined, ms: number): Promise<unknown> {
  if (!work) return Promise.resolve();
  return Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

main().catch((error: unknown) => {
  logError("the server could not start", error);
  process.exit(1);
});
