import autocannon from "autocannon";
import { summarizeLatencies, type LatencySummary } from "./stats";

export type LoadResult = LatencySummary & { requests: number; requestsPerSecond: number; errors: number; non2xx: number };

/**
 * Drives one URL with `connections` concurrent connections for `durationSeconds`, recording every
 * response time so p95 is exact (autocannon's own histogram reports p97.5, not p95).
 */
export async function measureLoad(options: {
  url: string;
  headers: Record<string, string>;
  durationSeconds: number;
  connections: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await autocannon({
    url: options.url,
    headers: options.headers,
    connections: options.connections,
    duration: options.durationSeconds,
    setupClient(client) {
      client.on("response", (_statusCode: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    },
  });
  return {
    ...summarizeLatencies(latencies),
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / options.durationSeconds,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
