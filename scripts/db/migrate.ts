// `npm run db:migrate`: creates the database DATABASE_URL names if needed, then applies every
// pending migration in prisma/migrations, keeping Prisma's `_prisma_migrations` bookkeeping.
import { applyMigrations, ensureDatabase, parseDatabaseUrl } from "./migrations";

function databaseUrlFromEnv(): string {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      "DATABASE_URL is not set. Set it to the database to migrate, e.g.\n" + "  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/andon npm run db:migrate",
    );
  }
  try {
    parseDatabaseUrl(databaseUrl);
  } catch (error) {
    throw new Error(`DATABASE_URL is invalid: ${(error as Error).message}`);
  }
  return databaseUrl;
}

async function main(): Promise<void> {
  const databaseUrl = databaseUrlFromEnv();
  const { created } = await ensureDatabase(databaseUrl);
  if (created) console.log(`Created database ${parseDatabaseUrl(databaseUrl).databaseName}.`);
  await applyMigrations(databaseUrl, { log: (line) => console.log(line) });
}

// pg reports "localhost" refusing on both IPv4 and IPv6 as an AggregateError with an empty message.
function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.message === "") {
    return error.errors.map((inner: unknown) => describeError(inner)).join("; ");
  }
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  return code === "ECONNREFUSED" ? `${error.message} — is PostgreSQL running?` : error.message;
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exitCode = 1;
});
