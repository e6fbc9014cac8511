// The first page of a database outage, on a real http server and a real pool whose database goes
// away (a relay to the test PostgreSQL that is shut): the page starts rendering while the database
// still looks fine, its query fails, and the framework answers 500 — what a browser receives must be
// the "database unavailable" page with 503 and Retry-After. Other failures keep their 500.
import http from "node:http";
import type net from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { env } from "@/lib/env";
import { answerOutageForFailedPage } from "@/lib/ops/failed-page";
import { ResilientPool } from "@/lib/ops/resilient-pool";
import { startLatencyProxy, type LatencyProxy } from "@/lib/ops/testing/latency-proxy";

let relay: LatencyProxy;
let pool: ResilientPool;
let server: http.Server;
let port: number;

const ERROR_PAGE = "<!doctype html><h1>Something went wrong on our side</h1>";

beforeAll(async () => {
  const target = new URL(env().DATABASE_URL);
  relay = await startLatencyProxy({ host: target.hostname, port: Number(target.port || 5432) }, 0);
  const url = new URL(target);
  url.port = String(relay.port);
  pool = new ResilientPool({ connectionString: url.toString(), connectionTimeoutMillis: 1_000, max: 2 });
  pool.on("error", () => undefined);
  server = http.createServer((request, response) => {
    answerOutageForFailedPage(request, response, Date.now(), () => pool);
    const failure = new URL(request.url ?? "/", "http://x").searchParams.get("fail");
    // Like Next.js: render, and on an error answer 500 with its error page, in one of the ways it writes.
    void pool.query("SELECT 1").then(
      () => {
        if (failure === "bug") return void response.writeHead(500, { "content-type": "text/html" }).end(ERROR_PAGE);
        response.writeHead(200, { "content-type": "text/html" }).end("<h1>COEs</h1>");
      },
      () => {
        response.statusCode = 500;
        response.setHeader("content-type", "text/html; charset=utf-8");
        response.setHeader("content-length", Buffer.byteLength(ERROR_PAGE));
        if (failure === "streamed") {
          response.write(ERROR_PAGE.slice(0, 10));
          response.end(ERROR_PAGE.slice(10));
        } else response.end(ERROR_PAGE);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await pool.end().catch(() => undefined);
  await relay.close().catch(() => undefined);
});

function get(path: string, accept = "text/html,application/xhtml+xml") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, headers: { accept } }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      })
      .on("error", reject);
  });
}

describe("a page that fails because the database went away", () => {
  it("is answered 503 with the outage page from the first request of the outage, and only for pages", async () => {
    expect((await get("/coes")).status).toBe(200);
    // A bug while the database is fine keeps its 500 and its error page.
    const bug = await get("/coes?fail=bug");
    expect([bug.status, bug.body]).toEqual([500, ERROR_PAGE]);

    await relay.close();
    for (const path of ["/coes", "/actions?fail=streamed", "/"]) {
      const page = await get(path);
      expect(page.status, path).toBe(503);
      expect(page.headers["retry-after"]).toBe("5");
      expect(page.headers["cache-control"]).toBe("no-store");
      expect(page.body).toContain("The database is unavailable");
      expect(page.body).not.toContain("Something went wrong");
    }
    // Not a page: the API and the client's own fetches keep their answer (the API has its own 503 problem+json).
    expect((await get("/api/v1/coes", "application/json")).status).toBe(500);
    expect((await get("/coes", "text/x-component")).status).toBe(500);
  });
});
