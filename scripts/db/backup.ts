// `npm run db:backup [-- --out file]`: a consistent logical backup of Andon's database (DATABASE_URL,
// or the embedded one) in Andon's own format (scripts/db/backup-archive.ts). Safe while Andon runs.
import { mkdirSync } from "node:fs";
import path from "node:path";

import { writeBackup } from "./backup-archive";
import { withAndonDatabase } from "./target";

function outputFile(argv: string[]): string {
  const index = argv.indexOf("--out");
  if (index >= 0) {
    const file = argv[index + 1];
    if (!file) throw new Error("--out needs a file name, e.g. --out /backups/andon.andon-backup.gz");
    return path.resolve(file);
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
  mkdirSync("backups", { recursive: true, mode: 0o700 });
  return path.resolve("backups", `andon-${stamp}.andon-backup.gz`);
}

async function main(): Promise<void> {
  const file = outputFile(process.argv.slice(2));
  await withAndonDatabase(async (target) => {
    console.log(`Backing up ${target.description} to ${file} …`);
    const summary = await writeBackup(target.url, file, (line) => console.log(line));
    console.log(
      `Done: ${summary.tables} tables, ${summary.rows} rows, ${summary.migrations} migrations, ${summary.schedules} job schedules in ${path.relative(process.cwd(), file) || file}.`,
    );
    console.log(
      "Keep NEXTAUTH_SECRET (with the embedded default: .data/auth-secret) somewhere safe beside your backups: it is not in the backup. " +
        "Restoring without it loses no data, but everyone signs in again.",
    );
  });
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
