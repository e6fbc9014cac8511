// Shared set-up for the review tests that run against the test database: Retail → Checkout →
// Payments, and Platform beside it, each with a service, plus a Thursday 10:00 Berlin series on
// Retail. The fixed week is 2026-W48 (Monday 23 November to Sunday 29 November 2026). Not a test file.
import { randomUUID } from "node:crypto";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { refreshMetricSummaries } from "@/lib/metrics/mutations";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";

export const testDb = createScriptClient(env().DATABASE_URL);
export const WEEK = "2026-W48";
export const at = (iso: string) => new Date(iso);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function userFor(id: string): Promise<CurrentUser> {
  const user = await loadCurrentUser(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

export async function reviewWorld() {
  const org = await createOrganization(testDb);
  const retail = await createTeam(testDb, org.id, { name: "Retail" });
  const checkout = await createTeam(testDb, org.id, { name: "Checkout", parentId: retail.id });
  const payments = await createTeam(testDb, org.id, { name: "Payments", parentId: checkout.id });
  const platform = await createTeam(testDb, org.id, { name: "Platform" });
  const suffix = randomUUID().slice(0, 6);
  const storefront = await createService(testDb, org.id, retail.id, { name: `storefront-${suffix}` });
  const gateway = await createService(testDb, org.id, payments.id, { name: `gateway-${suffix}` });
  const dns = await createService(testDb, org.id, platform.id, { name: `dns-${suffix}` });
  const make = (name: string, memberships: { teamId: string; role: "VIEWER" | "MEMBER" | "REVIEWER" | "MANAGER" }[]) =>
    createUser(testDb, org.id, { name: `${name} ${suffix}`, memberships, passwordHash: "not-a-real-hash" });
  const manager = await make("Maya Manager", [{ teamId: retail.id, role: "MANAGER" }]);
  const secondManager = await make("Sam Second", [{ teamId: retail.id, role: "MANAGER" }]);
  const member = await make("Mel Member", [{ teamId: retail.id, role: "MEMBER" }]);
  const outsider = await make("Otto Outsider", [{ teamId: platform.id, role: "MANAGER" }]);
  const paymentsMember = await make("Pia Payments", [{ teamId: payments.id, role: "MEMBER" }]);
  const series = await testDb.reviewSeries.create({
    data: {
      organizationId: org.id,
      teamId: retail.id,
      name: "Retail weekly",
      weekday: 4,
      startMinute: 600,
      timeZone: "Europe/Berlin",
      lengthMinutes: 60,
      createdById: manager.id,
    },
  });

  const action = (title: string, teamId: string, dueDate: string, status: "OPEN" | "IN_PROGRESS" | "DONE" = "OPEN", completedAt?: string) =>
    testDb.correctiveAction.create({
      data: {
        organizationId: org.id,
        teamId,
        title,
        type: "PREVENT",
        ownerId: member.id,
        dueDate: day(dueDate),
        status,
        source: "STANDALONE",
        completedAt: completedAt ? at(completedAt) : null,
      },
    });
  const coe = (
    title: string,
    teamId: string,
    fields: { status: "DRAFT" | "IN_REVIEW" | "APPROVED"; severity?: "SEV1" | "SEV2" | "SEV3"; approvedAt?: string; submittedAt?: string; createdAt?: string },
  ) =>
    testDb.coe.create({
      data: {
        organizationId: org.id,
        teamId,
        title,
        severity: fields.severity ?? "SEV2",
        status: fields.status,
        approvedAt: fields.approvedAt ? at(fields.approvedAt) : null,
        submittedAt: fields.submittedAt ? at(fields.submittedAt) : null,
        createdAt: at(fields.createdAt ?? "2026-11-10T09:00:00Z"),
        lessonsLearned: `Lesson of ${title}`,
      },
    });
  const breachedMetric = async (serviceId: string, name: string) => {
    const metric = await testDb.serviceMetric.create({ data: { organizationId: org.id, serviceId, name, unit: "%", direction: "UP", target: 99.9 } });
    await testDb.metricValue.createMany({
      data: [at("2026-11-20T00:00:00Z"), at("2026-11-24T00:00:00Z")].map((recordedAt) => ({
        organizationId: org.id,
        serviceId,
        metricId: metric.id,
        recordedAt,
        value: 98.5,
      })),
    });
    await refreshMetricSummaries(testDb, [metric.id]);
    return metric;
  };
  return {
    org,
    teams: { retail, checkout, payments, platform },
    services: { storefront, gateway, dns },
    series,
    action,
    coe,
    breachedMetric,
    users: {
      manager: await userFor(manager.id),
      secondManager: await userFor(secondManager.id),
      member: await userFor(member.id),
      paymentsMember: await userFor(paymentsMember.id),
      outsider: await userFor(outsider.id),
    },
  };
}
