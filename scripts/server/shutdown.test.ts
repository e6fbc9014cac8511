// SIGTERM contract under load, on a real http server: in-flight requests finish (no acknowledged
// write lost), idle keep-alive connections close at once, new connections are refused, and the
// drain ends well within the deadline.
import http from "node:http";
import type net from "node:net";

import { describe, expect, it } from "vitest";

import { gracefulServer } from "./shutdown";

describe("graceful shutdown", () => {
  it("finishes in-flight writes, closes idle keep-alive sockets and refuses new connections", async () => {
    const acknowledged: number[] = [];
    const server = http.createServer();
    const graceful = gracefulServer(server, 5_000);
    server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
      graceful.track(request, response);
      const id = Number(new URL(request.url ?? "/", "http://x").searchParams.get("id"));
      // A "write" that takes 300 ms, acknowledged only once done.
      setTimeout(() => {
        acknowledged.push(id);
        response.end(JSON.stringify({ id }));
      }, 300);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    const send = (id: number) =>
      new Promise<{ id: number; status: number; body: string }>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path: `/?id=${id}`, agent }, (response) => {
            let body = "";
            response.on("data", (chunk) => (body += chunk));
            response.on("end", () => resolve({ id, status: response.statusCode ?? 0, body }));
          })
          .on("error", reject);
      });

    // Warm keep-alive sockets, then put 20 writes in flight and send SIGTERM's equivalent.
    await Promise.all([send(-1), send(-2)]);
    const inFlight = Array.from({ length: 20 }, (_, id) => send(id));
    // "In flight" = received by the server (a request still in the kernel's buffer on an idle
    // keep-alive socket is the race every server has; clients retry those).
    for (let wait = 0; wait < 200 && graceful.inFlight < 20; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(graceful.inFlight).toBe(20);
    const started = Date.now();
    const drained = graceful.shutdown();
    const results = await Promise.all(inFlight);
    const outcome = await drained;
    const elapsed = Date.now() - started;

    expect(outcome).toEqual({ drained: true, inFlight: 0 });
    expect(elapsed).toBeLessThan(2_000);
    // Every response the clients received was a completed write, and every write was answered.
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(results.map((result) => result.id).sort((a, b) => a - b)).toEqual(acknowledged.filter((id) => id >= 0).sort((a, b) => a - b));
    // The listening socket is closed: a new connection is refused.
    await expect(
      new Promise((resolve, reject) => http.get({ host: "127.0.0.1", port, path: "/?id=99", agent: false }, resolve).on("error", reject)),
    ).rejects.toThrow(/ECONNREFUSED/);
    // No connection is left open (keep-alive ones included), so the process can exit.
    const openConnections = () => new Promise<number>((resolve) => server.getConnections((_, count) => resolve(count)));
    for (let wait = 0; wait < 20 && (await openConnections()) > 0; wait++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await openConnections()).toBe(0);
    agent.destroy();
  });

  it("gives up at the deadline when a request never finishes", async () => {
    const server = http.createServer();
    const graceful = gracefulServer(server, 300);
    server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => graceful.track(request, response));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    const hanging = http.get({ host: "127.0.0.1", port, path: "/" }).on("error", () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    expect(await graceful.shutdown()).toEqual({ drained: false, inFlight: 1 });
    expect(Date.now() - started).toBeLessThan(1_000);
    hanging.destroy();
    server.closeAllConnections();
  });
});
