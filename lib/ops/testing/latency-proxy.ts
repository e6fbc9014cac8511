import net from "node:net";

/**
 * A TCP proxy for tests that adds latency: every chunk waits `oneWayMs` in each direction, so a
 * request/response round trip costs 2 × oneWayMs, like a database in another region. Counts the
 * chunks the client sends (≈ round trips), and can cut every connection at once (a partition).
 */
export interface LatencyProxy {
  port: number;
  /** Chunks sent by clients since the last reset. */
  clientWrites: number;
  resetCount(): void;
  /** Destroys every open connection (both sides), as a network failure would. */
  cutConnections(): void;
  close(): Promise<void>;
}

export async function startLatencyProxy(target: { host: string; port: number }, oneWayMs: number): Promise<LatencyProxy> {
  const sockets = new Set<net.Socket>();
  const proxy: LatencyProxy = {
    port: 0,
    clientWrites: 0,
    resetCount: () => {
      proxy.clientWrites = 0;
    },
    cutConnections: () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    close: () =>
      new Promise((resolve) => {
        proxy.cutConnections();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    sockets.add(client);
    sockets.add(upstream);
    pipeDelayed(client, upstream, oneWayMs, () => proxy.clientWrites++);
    pipeDelayed(upstream, client, oneWayMs);
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", closeBoth).on("close", closeBoth);
    upstream.on("error", closeBoth).on("close", closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.port = (server.address() as net.AddressInfo).port;
  return proxy;
}

function pipeDelayed(from: net.Socket, to: net.Socket, delayMs: number, onChunk?: () => void): void {
  let lastDue = 0;
  from.on("data", (chunk) => {
    onChunk?.();
    // Chunks keep their order: each is due no earlier than the one before it.
    const due = Math.max(Date.now() + delayMs, lastDue);
    lastDue = due;
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, due - Date.now());
  });
}
