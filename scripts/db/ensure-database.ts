import pg from "pg";
import { redactPassword } from "./database-url";

/** Where a DATABASE_URL points, and creating its database when the server does not have it yet. */
export interface ConnectionTarget {
  connectionString: string;
  /** Prisma's `?schema=` parameter: where tables and `_prisma_migrations` live. */
  schema: string;
  databaseName: string;
}

/** Throws a readable error unless `databaseUrl` is a postgres:// or postgresql:// URL naming a database. */
export function parseDatabaseUrl(databaseUrl: string): ConnectionTarget {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error(`"${redactPassword(databaseUrl)}" is not a URL; expected postgresql://user:password@host:5432/database`);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`Only PostgreSQL is supported; the URL starts with "${url.protocol}//", not "postgresql://".`);
  }
  const databaseName = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (databaseName === "") {
    throw new Error(`The URL "${redactPassword(databaseUrl)}" names no database (…:5432/<database>).`);
  }
  const schema = url.searchParams.get("schema") || "public";
  url.searchParams.delete("schema");
  return { connectionString: url.toString(), schema, databaseName };
}

function maintenanceConnectionString(target: ConnectionTarget): string {
  const url = new URL(target.connectionString);
  url.pathname = "/postgres";
  return url.toString();
}

/** Creates the database the URL names when it does not exist yet (via the server's `postgres` db). */
export async function ensureDatabase(databaseUrl: string): Promise<{ created: boolean }> {
  const target = parseDatabaseUrl(databaseUrl);
  // Try the database itself first: hosted servers often let an app user into its own database
  // but not into `postgres`.
  const probe = new pg.Client({ connectionString: target.connectionString });
  try {
    await probe.connect();
    return { created: false };
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error; // 3D000: database does not exist
  } finally {
    await probe.end().catch(() => {});
  }
  const admin = new pg.Client({ connectionString: maintenanceConnectionString(target) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(target.databaseName)}`);
    return { created: true };
  } catch (error) {
    // Another instance created it between our probe and now: 42P04 (duplicate_database), or 23505
    // when both CREATE DATABASE statements raced past the check onto pg_database's unique index.
    const code = (error as { code?: string }).code;
    if (code === "42P04" || code === "23505") return { created: false };
    throw error;
  } finally {
    await admin.end();
  }
}
