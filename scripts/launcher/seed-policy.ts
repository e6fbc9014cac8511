import pg from "pg";

import { seedDemo } from "../../prisma/seed";

export interface SeedInputs {
  /** The database came from DATABASE_URL (not the embedded default). */
  usesDatabaseUrl: boolean;
  /** `npm start -- --demo` */
  demoFlag: boolean;
  nodeEnv: string | undefined;
  allowDemoSeedInProduction: boolean;
}

export type SeedDecision = { seed: true } | { seed: false; reason: string };

/**
 * When the launcher seeds the demo organization (into an empty database only, checked later):
 * the embedded default yes; a DATABASE_URL database only when asked with --demo, whatever
 * NODE_ENV says; and never with NODE_ENV=production unless ANDON_ALLOW_DEMO_SEED=true.
 */
export function seedDecision(inputs: SeedInputs): SeedDecision {
  if (inputs.nodeEnv === "production" && !inputs.allowDemoSeedInProduction) {
    return { seed: false, reason: "NODE_ENV=production: not seeding demo data." };
  }
  if (inputs.usesDatabaseUrl && !inputs.demoFlag) {
    return {
      seed: false,
      reason: "DATABASE_URL is set: not seeding demo data (pass --demo to seed an empty database). Open /setup to create your organization.",
    };
  }
  return { seed: true };
}

// Any fixed key shared by every launcher; distinct from Prisma's migrate lock.
const SEED_LOCK_KEY = 72707370;

/**
 * Seeds under a session advisory lock, so launchers racing on one new database do not collide:
 * the second waits, then finds the data and skips.
 */
export async function seedDemoOnce(databaseUrl: string): Promise<Awaited<ReturnType<typeof seedDemo>>> {
  const lock = new pg.Client({ connectionString: databaseUrl, application_name: "andon-seed-lock" });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [SEED_LOCK_KEY]);
    return await seedDemo(databaseUrl);
  } finally {
    // Ending the session releases the lock.
    await lock.end().catch(() => undefined);
  }
}
