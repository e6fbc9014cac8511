// /api/metrics behind a real HTTP server: the allow-list sees the address the server wrote, not one a client sent.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { CLIENT_ADDRESS_HEADER, installRequestHooks } from "@/lib/auth/client-address";

let server: http.Server;
let port: number;

beforeAll(async () => {
  installRequestHooks(undefined);
  server = http.createServer((incoming, outgoing) => {
    const headers = Object.entries(incoming.headers).map(([name, value]) => [name, String(value)] as [string, string]);
    void GET(new Request(`http://127.0.0.1${incoming.url}`, { headers })).then((answer) => {
      outgoing.writeHead(answer.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** GET /api/metrics from a local address of our choosing (every 127.x address is this host's loopback). */
function scrape(localAddress: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/api/metrics", localAddress, headers, agent: false }, (answer) => {
        answer.resume();
        resolve(answer.statusCode ?? 0);
      })
      .on("error", reject);
  });
}

describe("/api/metrics allow-list", () => {
  it("lets this host read metrics without a token (the default METRICS_ALLOW_IPS)", async () => {
    expect(await scrape("127.0.0.1")).toBe(200);
  });

  it("refuses a client that claims an allow-listed address in any header", async () => {
    const claims = { [CLIENT_ADDRESS_HEADER]: "127.0.0.1", "x-andon-remote-address": "127.0.0.1", "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1" };
    expect(await scrape("127.0.0.2", claims)).toBe(403);
    expect(await scrape("127.0.0.2")).toBe(403);
  });
});
