import net from "node:net";

import { LaunchError } from "./errors";

export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new LaunchError(`PORT must be a port number between 1 and 65535, not "${value}".`);
  }
  return port;
}

/** Fail before starting anything: the server would otherwise die late with a bare EADDRINUSE. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new LaunchError(`Port ${port} is already in use. Stop whatever runs there, or pick another: PORT=${port + 1} npm start`));
      } else {
        reject(error);
      }
    });
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
