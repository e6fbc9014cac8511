import { pathToFileURL } from "node:url";
import { hashPassword } from "../lib/auth/password";
import { createScriptClient } from "./seed/client";
import { DEMO_ORG_ID, DEMO_PASSWORD, DEMO_SERVICES, DEMO_TEAMS, DEMO_USERS } from "./seed/constants";
import { seedDemoCoes } from "./seed/coes";
import { seedDemoMetrics } from "./seed/metrics";
import { seedDemoActions } from "./seed/actions";
import { seedDemoReviews } from "./seed/reviews";
import { seedDemoLearnings } from "./seed/learnings";
import { seedDemoPolicies } from "./seed/policies";
import { seedDemoWebhooks } from "./seed/webhooks";
import { seedDemoCords } from "./seed/cords";
import { seedDemoVerification } from "./seed/verification";
import { createOrganization, createService, createTeam, createUser } from "./seed/factories";

export type DemoLogin = { email: string; password: string; role: string };

export function demoLogins(): DemoLogin[] {
  return DEMO_USERS.map((user) => ({ email: user.email, password: DEMO_PASSWORD, role: user.role }));
}

/**
 * Seeds the demo organization, only into an empty database: a database with any organization is
 * somebody's data and is left alone.
 */
export async function seedDemo(databaseUrl: string): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  const db = createScriptClient(databaseUrl);
  try {
    if ((await db.organization.count()) > 0) return { seeded: false, logins: demoLogins() };
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await createOrganization(db, { id: DEMO_ORG_ID, name: "Acme Retail" });
    // Parents first: the constants list them in tree order.
    for (const team of Object.values(DEMO_TEAMS)) await createTeam(db, DEMO_ORG_ID, team);
    for (const service of DEMO_SERVICES) await createService(db, DEMO_ORG_ID, service.teamId, service);
    for (const user of DEMO_USERS) {
      await createUser(db, DEMO_ORG_ID, {
        id: user.id,
        email: user.email,
        name: user.name,
        isAdmin: user.isAdmin,
        passwordHash,
        memberships: user.memberships,
      });
    }
    await seedDemoCoes(db);
    await seedDemoMetrics(db);
    await seedDemoActions(db);
    await seedDemoReviews(db);
    await seedDemoLearnings(db);
    await seedDemoPolicies(db);
    await seedDemoWebhooks(db);
    await seedDemoCords(db);
    await seedDemoVerification(db);
    return { seeded: true, logins: demoLogins() };
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  if (process.env.NODE_ENV === "production" && process.env.ANDON_ALLOW_DEMO_SEED !== "true") {
    console.error("Refusing to seed demo data with NODE_ENV=production. Set ANDON_ALLOW_DEMO_SEED=true if you really mean it.");
    process.exit(1);
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set.");
    process.exit(1);
  }
  const result = await seedDemo(databaseUrl);
  console.log(result.seeded ? "Seeded the demo organization." : "The database already has an organization; nothing seeded.");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
