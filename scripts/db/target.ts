/**
 * The database the operator means: DATABASE_URL when set, otherwise the embedded PostgreSQL of
 * this checkout (.data/postgres, database `andon`) — reached on its recorded port while `npm start`
 * runs it, or started here for the duration of the command when it is not running.
 */
import path from "node:path";

import pg from "pg";

import { databaseUrlFor, redactPassword } from "./database-url";
import { recordedEmbeddedUrl, startEmbeddedPostgres } from "./embedded";

export const EMBEDDED_DATA_DIR = path.join(process.cwd(), ".data", "postgres");
export const EMBEDDED_APP_DATABASE = "andon";

export interface DatabaseTarget {
  url: string;
  description: string;
  embedded: boolean;
}

export async function withAndonDatabase<T>(work: (target: DatabaseTarget) => Promise<T>, log: (line: string) => void = console.log): Promise<T> {
  const configured = process.env.DATABASE_URL?.trim();
  if (configured) return work({ url: configured, description: `DATABASE_URL (${redactPassword(configured)})`, embedded: false });

  const recorded = recordedEmbeddedUrl(EMBEDDED_DATA_DIR);
  if (recorded && (await reachable(recorded))) {
    return work({ url: databaseUrlFor(recorded, EMBEDDED_APP_DATABASE), description: "the running embedded PostgreSQL", embedded: true });
  }
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, log });
  try {
    return await work({ url: databaseUrlFor(server.url, EMBEDDED_APP_DATABASE), description: "the embedded PostgreSQL (.data/postgres)", embedded: true });
  } finally {
    await server.stop();
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
