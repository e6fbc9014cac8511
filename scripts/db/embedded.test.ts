// The embedded PostgreSQL keeps its port and a generated superuser password beside its data, listens
// on loopback only, and moves an old cluster off the well-known password.
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { clusterFiles, recordedEmbeddedUrl, startEmbeddedPostgres, type EmbeddedPostgresServer } from "./embedded";

const servers: EmbeddedPostgresServer[] = [];
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("records its port and a generated password, listens on 127.0.0.1, and keeps both across restarts", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "andon-embedded-"));
    dirs.push(parent);
    const dataDir = path.join(parent, "postgres");
    const files = clusterFiles(dataDir);

    const first = await startEmbeddedPostgres({ dataDir, port: 44_000 + Math.floor(Math.random() * 900), log: () => undefined, relaxedDurability: true });
    servers.push(first);
    expect(first.password).not.toBe("postgres");
    expect((await readFile(files.password, "utf8")).trim()).toBe(first.password);
    expect((await stat(files.password)).mode & 0o777).toBe(0o600);
    expect((await readFile(files.port, "utf8")).trim()).toBe(String(first.port));
    expect(recordedEmbeddedUrl(dataDir)).toBe(first.url);
    const [listen] = await query<{ listen_addresses: string }>(first.url, "SHOW listen_addresses");
    expect(listen!.listen_addresses).toBe("127.0.0.1");
    await expect(query(first.url.replace(encodeURIComponent(first.password), "postgres"), "SELECT 1")).rejects.toThrow(/password/);

    // A cluster from before generated passwords: its superuser still has the well-known one.
    await query(first.url, "ALTER ROLE postgres PASSWORD 'postgres'");
    await first.stop();
    await rm(files.password);

    const second = await startEmbeddedPostgres({ dataDir, port: 1, log: () => undefined, relaxedDurability: true });
    servers.push(second);
    expect(second.port).toBe(first.port);
    expect(second.password).not.toBe("postgres");
    expect(await query(second.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await expect(query(second.url.replace(encodeURIComponent(second.password), "postgres"), "SELECT 1")).rejects.toThrow(/password/);
  }, 60_000);
});
