// A real HTTP receiver on a loopback port for the webhook tests. Not a test file itself.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: http.IncomingHttpHeaders; body: string };

export async function startReceiver(answer: (received: Received) => number = () => 204, responseBody = "ok") {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = { headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(entry);
      response.writeHead(answer(entry), { "content-type": "text/plain" });
      response.end(responseBody);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/andon`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
