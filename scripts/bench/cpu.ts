import fs from "node:fs";
import pg from "pg";

/** utime + stime of a process from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms); null when unreadable. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * PostgreSQL's own CPU spent serving one database: the backend processes of the app's connections, read
 * from /proc (the server runs on this machine: embedded, or the local one on 127.0.0.1). A page's
 * statements can cost PostgreSQL more CPU than Node spends rendering them, so the bench reports both.
 */
export async function postgresCpuSampler(
  adminUrl: string,
  database: string,
): Promise<{ sample(): Promise<Map<number, number> | null>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  return {
    async sample() {
      // The app's own connections only (lib/db.ts names them "andon"): an autovacuum worker or the job
      // queue's polling that starts between two samples would otherwise count whole against a request.
      const { rows } = await client.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND application_name = 'andon'",
        [database],
      );
      const cpu = new Map<number, number>();
      for (const { pid } of rows) {
        const ms = processCpuMs(pid);
        if (ms === null) return null; // another machine's server: not measurable from here
        cpu.set(pid, ms);
      }
      return cpu;
    },
    close: () => client.end(),
  };
}

/** CPU the backends used between two samples; a backend that appeared in between counts whole. */
export function postgresCpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
