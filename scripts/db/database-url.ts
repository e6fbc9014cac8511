import pg from "pg";

/** The same server as `serverUrl`, another database on it. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** For logs: never print a password. */
export function redactPassword(databaseUrl: string): string {
  return databaseUrl.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
}

/** Drops a throwaway database; FORCE because a just-killed server may still hold connections. */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
