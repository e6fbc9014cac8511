// Shared set-up for the COE tests that run against the test database: an organization with a
// small tree and people in each role. Not a test file itself.
import { randomUUID } from "node:crypto";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";
import { createCoe, ensureFactorCategories, saveCoe, transitionCoe } from "@/lib/coes/mutations";
import type { CoeDocument } from "@/lib/coes/schemas";

export const testDb = createScriptClient(env().DATABASE_URL);

export async function userFor(id: string): Promise<CurrentUser> {
  const user = await loadCurrentUser(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

/** Retail → Checkout, and Platform beside it; an author and a reviewer in Checkout, an outsider in Platform. */
export async function coeWorld() {
  const org = await createOrganization(testDb);
  const retail = await createTeam(testDb, org.id, { name: "Retail" });
  const checkout = await createTeam(testDb, org.id, { name: "Checkout", parentId: retail.id });
  const platform = await createTeam(testDb, org.id, { name: "Platform" });
  const service = await createService(testDb, org.id, checkout.id, { name: `checkout-api-${randomUUID().slice(0, 6)}` });
  const make = (name: string, memberships: { teamId: string; role: "VIEWER" | "MEMBER" | "REVIEWER" | "MANAGER" }[], isAdmin = false) =>
    createUser(testDb, org.id, { name, memberships, isAdmin, passwordHash: "not-a-real-hash" });
  const author = await make("Alex Author", [{ teamId: checkout.id, role: "MEMBER" }]);
  const reviewer = await make("Riley Reviewer", [{ teamId: retail.id, role: "REVIEWER" }]);
  const outsider = await make("Olive Outsider", [{ teamId: platform.id, role: "MANAGER" }]);
  const admin = await make("Ada Admin", [], true);
  await ensureFactorCategories(testDb, org.id);
  const categories = await testDb.factorCategory.findMany({ where: { organizationId: org.id }, orderBy: { name: "asc" } });
  return {
    org,
    teams: { retail, checkout, platform },
    service,
    categories,
    users: { author: await userFor(author.id), reviewer: await userFor(reviewer.id), outsider: await userFor(outsider.id), admin: await userFor(admin.id) },
  };
}

const rowId = () => randomUUID();

/** A document that passes every completeness rule. */
export function completeDocument(world: Awaited<ReturnType<typeof coeWorld>>, overrides: Partial<CoeDocument> = {}): CoeDocument {
  return {
    title: "Checkout failed for card payments",
    teamId: world.teams.checkout.id,
    severity: "SEV2",
    restricted: false,
    serviceIds: [world.service.id],
    authorIds: [world.users.author.userId],
    startedAt: new Date("2026-11-01T10:00:00Z"),
    detectedAt: new Date("2026-11-01T10:06:00Z"),
    mitigatedAt: new Date("2026-11-01T10:40:00Z"),
    resolvedAt: new Date("2026-11-01T12:00:00Z"),
    whatHappened: "Card payments failed after a certificate expired.",
    customerImpact: "12% of checkouts failed for 40 minutes.",
    contributingFactors: "The certificate was renewed by hand.",
    supportingData: "Error-rate graph attached.",
    lessonsLearned: "Automate renewal.",
    correctiveActionsSummary: "Automate renewal and alarm 30 days before expiry.",
    timeline: [{ id: rowId(), occurredAt: new Date("2026-11-01T10:06:00Z"), description: "Alarm fired." }],
    factors: [
      {
        id: rowId(),
        categoryId: world.categories.find((c) => c.name === "Certificate expiry")!.id,
        description: "Manual renewal",
        fiveWhys: ["Nobody renewed it", "No reminder"],
      },
    ],
    links: [],
    actions: [
      { id: rowId(), title: "Automate certificate renewal", ownerId: world.users.author.userId, type: "PREVENT", priority: "HIGH", dueDate: "2026-12-15" },
    ],
    ...overrides,
  };
}

/** A complete COE in the checkout team, written by the author and approved by the reviewer. */
export async function approvedCoe(world: Awaited<ReturnType<typeof coeWorld>>, overrides: Partial<CoeDocument> = {}): Promise<string> {
  const created = await createCoe(world.users.author, { title: "x", teamId: world.teams.checkout.id, severity: "SEV2" });
  await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world, overrides) });
  await transitionCoe(world.users.author, { coeId: created.id, baseVersion: 2, transition: "submit", note: "" });
  await transitionCoe(world.users.reviewer, { coeId: created.id, baseVersion: 3, transition: "approve", note: "" });
  return created.id;
}
