// `npm run db:restore -- <file> [--replace]`: restores a backup made by `npm run db:backup` into
// DATABASE_URL's database (or the embedded one). The database must be new or empty; --replace drops
// and recreates it first (stop Andon before that).
import { existsSync } from "node:fs";

import { restoreBackup } from "./backup-archive";
import { dropDatabase } from "./database-url";
import { ensureDatabase, parseDatabaseUrl } from "./migrations";
import { withAndonDatabase } from "./target";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const replace = args.includes("--replace");
  const file = args.find((arg) => !arg.startsWith("--"));
  if (!file) throw new Error("Name the backup file: npm run db:restore -- backups/andon-….andon-backup.gz");
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  await withAndonDatabase(async (target) => {
    const { databaseName } = parseDatabaseUrl(target.url);
    if (replace) {
      const server = new URL(target.url);
      server.pathname = "/postgres";
      console.log(`Dropping database ${databaseName} (--replace) …`);
      await dropDatabase(server.toString(), databaseName);
    }
    await ensureDatabase(target.url);
    console.log(`Restoring ${file} into ${target.description} …`);
    const summary = await restoreBackup(target.url, file, { log: (line) => console.log(line) });
    console.log(
      `Restored ${summary.tables} tables and ${summary.rows} rows (${summary.migrationsReplayed} migrations replayed, ` +
        `${summary.migrationsAfter.length} newer ones applied, ${summary.schedules} job schedules).`,
    );
    console.log("Start Andon with the same NEXTAUTH_SECRET as before so existing sessions stay valid.");
  });
}

main().catch((error: unknown) => {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
