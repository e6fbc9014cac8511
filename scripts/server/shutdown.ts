/**
 * Graceful shutdown for an http.Server, the contract Kubernetes and systemd expect on SIGTERM:
 * stop accepting connections, let in-flight requests finish (their responses say
 * `Connection: close`), close idle keep-alive connections at once, then run the remaining cleanup
 * (job queue, database pool), and exit — within `timeoutMs` no matter what.
 */
import type http from "node:http";
import type net from "node:net";

export interface GracefulServer {
  /** Counts a request in while it runs; call from the request handler before anything else. */
  track(request: http.IncomingMessage, response: http.ServerResponse): void;
  /** Starts shutdown (idempotent); resolves once the server has drained or the deadline passed. */
  shutdown(): Promise<{ drained: boolean; inFlight: number }>;
  readonly shuttingDown: boolean;
  readonly inFlight: number;
}

export function gracefulServer(server: http.Server, timeoutMs: number): GracefulServer {
  const busy = new Map<net.Socket, number>();
  const sockets = new Set<net.Socket>();
  let shuttingDown = false;
  let inFlight = 0;
  let drained: Promise<{ drained: boolean; inFlight: number }> | undefined;
  let onIdle: (() => void) | undefined;

  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
    // A connection opened just as we began shutting down gets no request served.
    if (shuttingDown) socket.destroy();
  });

  return {
    get shuttingDown() {
      return shuttingDown;
    },
    get inFlight() {
      return inFlight;
    },
    track(request, response) {
      const socket = request.socket;
      inFlight++;
      busy.set(socket, (busy.get(socket) ?? 0) + 1);
      if (shuttingDown) response.setHeader("connection", "close");
      response.once("close", () => {
        inFlight--;
        const left = (busy.get(socket) ?? 1) - 1;
        if (left > 0) busy.set(socket, left);
        else busy.delete(socket);
        // Keep-alive connections end with their last response once shutdown has begun.
        if (shuttingDown && left <= 0) socket.destroySoon();
        if (inFlight === 0) onIdle?.();
      });
    },
    shutdown() {
      drained ??= new Promise((resolve) => {
        shuttingDown = true;
        server.close();
        // Idle keep-alive connections would otherwise hold the process open for their timeout.
        for (const socket of sockets) if (!busy.has(socket)) socket.destroySoon();
        const timer = setTimeout(() => resolve({ drained: false, inFlight }), timeoutMs);
        timer.unref();
        onIdle = () => {
          clearTimeout(timer);
          resolve({ drained: true, inFlight: 0 });
        };
        if (inFlight === 0) onIdle();
      });
      return drained;
    },
  };
}
