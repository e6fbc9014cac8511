// Game days against the test database: a held journal verifies the service once even when imported
// twice, a deviation becomes a corrective action linked to the run, an action is verified by a held
// run, and the grid and game days stay inside what the caller may see.
import { afterAll, describe, expect, it } from "vitest";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { changeCorrectiveActionStatus } from "@/lib/actions/mutations";
import { NotFoundError, UserError, ForbiddenError } from "@/lib/errors";
import { createService } from "@/prisma/seed/factories";
import { createCorrectiveActionFromRun, createGameDay, importJournal, verifyActionByRun, abortExperiment } from "@/lib/game-days/mutations";
import { sampleJournal } from "@/lib/game-days/journal-fixtures";
import { JournalError } from "@/lib/game-days/chaos-toolkit";
import { listGameDays } from "@/lib/game-days/queries";
import { recordVerification } from "@/lib/verification/mutations";
import { listDimensions, serviceVerifications, verificationGrid } from "@/lib/verification/queries";
import { verificationFactProvider } from "@/lib/verification/fact-provider";
import { sendVerificationReminders } from "@/lib/verification/reminders";
import { feedIcs } from "@/lib/actions/calendar";
import { createFeed } from "@/lib/actions/calendar-mutations";

afterAll(() => testDb.$disconnect());

async function world() {
  const base = await actionWorld();
  const service = await createService(testDb, base.org.id, base.teams.payments.id, { name: `card-api-${base.org.id.slice(-6)}` });
  const dimensions = await listDimensions(base.users.owner);
  const faultTolerance = dimensions.find((dimension) => dimension.key === "fault_tolerance")!;
  const planned = await createGameDay(base.users.owner, {
    title: "Latency on the card API",
    description: "",
    teamId: base.teams.payments.id,
    scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    durationMinutes: 120,
    environment: "staging",
    serviceIds: [service.id],
    participantIds: [],
    experiment: {
      templateKey: "network-latency",
      parameters: { healthUrl: "http://card-api.internal/health", interface: "eth0", delayMs: "200" },
      description: "",
      dimensionId: faultTolerance.id,
      blastRadius: "",
      abortConditions: "",
      expectedOutcome: "",
    },
  });
  return { ...base, service, faultTolerance, gameDayId: planned.id };
}

describe("journal import", () => {
  it("a held journal verifies the service's dimension once, even when imported twice", async () => {
    const w = await world();
    const journal = JSON.stringify(sampleJournal("completed", { startedAt: new Date(Date.now() - 3_600_000) }));
    const first = await importJournal(w.users.owner, { gameDayId: w.gameDayId, journal });
    expect(first).toMatchObject({ verdict: "HELD", duplicate: false, verificationRecorded: true });
    const second = await importJournal(w.users.reviewer, { gameDayId: w.gameDayId, journal });
    expect(second).toMatchObject({ runId: first.runId, duplicate: true, verificationRecorded: false });
    expect(await testDb.gameDayRun.count({ where: { gameDayId: w.gameDayId } })).toBe(1);
    expect(await testDb.verificationRecord.count({ where: { serviceId: w.service.id } })).toBe(1);
    const card = await serviceVerifications(w.users.owner, w.service.id);
    expect(card?.dimensions.find((entry) => entry.dimension.key === "fault_tolerance")?.status).toBe("VERIFIED");
    expect(await testDb.domainEvent.count({ where: { organizationId: w.org.id, type: "verification.recorded" } })).toBe(1);

    // The parent team's grid shows it, rolled up; someone outside the subtree cannot open that grid.
    const grid = await verificationGrid(w.users.retailManager, { teamId: w.teams.retail.id, page: 1 });
    expect(grid.cells.get(`${w.service.id}:${w.faultTolerance.id}`)?.status).toBe("VERIFIED");
    expect(grid.rollup[0]!.perDimension.get(w.faultTolerance.id)).toMatchObject({ percent: 100, passing: 1, applicable: 1 });
    await expect(verificationGrid(w.users.outsider, { teamId: w.teams.retail.id, page: 1 })).rejects.toThrow(NotFoundError);
    const facts = await verificationFactProvider.collect(w.org.id, [w.service.id]);
    const fact = (key: string) => facts.find((entry) => entry.key === key)?.value;
    expect(fact("verification.fault_tolerance.status")).toBe("verified");
    expect(fact("verification.fault_tolerance.ageDays")).toBe(0);
    expect(fact("verification.dr_backups.status")).toBe("never");
    expect(fact("verification.dr_backups.rtoMinutesObserved")).toBeNull();
    expect(await serviceVerifications(w.users.outsider, w.service.id)).toBeNull();
  });

  it("refuses a malformed journal with a clear error and keeps out callers outside the team", async () => {
    const w = await world();
    await expect(importJournal(w.users.owner, { gameDayId: w.gameDayId, journal: "{oops" })).rejects.toThrow(JournalError);
    await expect(importJournal(w.users.outsider, { gameDayId: w.gameDayId, journal: JSON.stringify(sampleJournal("completed")) })).rejects.toThrow(
      NotFoundError,
    );
    expect((await listGameDays(w.users.outsider, { when: "all", page: 1 })).total).toBe(0);
    expect((await listGameDays(w.users.retailManager, { when: "all", page: 1 })).total).toBe(1);
  });

  it("a deviated journal verifies nothing and its finding becomes a corrective action linked to the run", async () => {
    const w = await world();
    const run = await importJournal(w.users.owner, { gameDayId: w.gameDayId, journal: JSON.stringify(sampleJournal("deviated")) });
    expect(run).toMatchObject({ verdict: "DEVIATED", verificationRecorded: false });
    const action = await createCorrectiveActionFromRun(w.users.owner, {
      runId: run.runId,
      title: "Set client timeouts below the latency budget",
      description: "",
      ownerId: w.users.owner.userId,
      type: "PREVENT",
      priority: "HIGH",
      dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(await testDb.correctiveAction.findUniqueOrThrow({ where: { id: action.id }, select: { source: true, gameDayRunId: true, teamId: true } })).toEqual({
      source: "GAME_DAY",
      gameDayRunId: run.runId,
      teamId: w.teams.payments.id,
    });
  });

  it("a done action is verified by a run that held, never by one that deviated", async () => {
    const w = await world();
    const held = await importJournal(w.users.owner, { gameDayId: w.gameDayId, journal: JSON.stringify(sampleJournal("completed")) });
    const deviated = await importJournal(w.users.owner, { gameDayId: w.gameDayId, journal: JSON.stringify(sampleJournal("deviated")) });
    const action = await w.action("Retry DNS lookups", 10);
    await changeCorrectiveActionStatus(w.users.owner, { actionId: action.id, version: 1, status: "DONE", evidence: "https://git.example.com/pr/7" });
    await expect(verifyActionByRun(w.users.reviewer, { actionId: action.id, version: 2, runId: deviated.runId, note: "" })).rejects.toThrow(UserError);
    await verifyActionByRun(w.users.reviewer, { actionId: action.id, version: 2, runId: held.runId, note: "" });
    expect(
      await testDb.correctiveAction.findUniqueOrThrow({
        where: { id: action.id },
        select: { status: true, verificationMethod: true, verificationRunId: true },
      }),
    ).toEqual({
      status: "VERIFIED",
      verificationMethod: "GAME_DAY",
      verificationRunId: held.runId,
    });
  });

  it("aborting records the reason and hands back the rollback commands", async () => {
    const w = await world();
    const experiment = await testDb.gameDayExperiment.findFirstOrThrow({ where: { gameDayId: w.gameDayId } });
    const aborted = await abortExperiment(w.users.owner, { experimentId: experiment.id, reason: "Checkout errors in staging" });
    expect(aborted.rollbackCommands).toEqual(["tc qdisc del dev eth0 root netem"]);
    expect(await testDb.gameDayExperiment.findUniqueOrThrow({ where: { id: experiment.id }, select: { verdict: true, abortReason: true } })).toEqual({
      verdict: "ABORTED",
      abortReason: "Checkout errors in staging",
    });
  });
});

describe("recording verifications", () => {
  it("members record, viewers and other teams cannot; tier 1 expires after 30 days", async () => {
    const w = await world();
    const dr = (await listDimensions(w.users.owner)).find((dimension) => dimension.key === "dr_backups")!;
    await testDb.serviceTier.create({ data: { serviceId: w.service.id, organizationId: w.org.id, tier: 1 } });
    await recordVerification(w.users.owner, {
      serviceId: w.service.id,
      dimensionId: dr.id,
      result: "PASSED",
      method: "RESTORE_TEST",
      evidence: "Restored last night's snapshot into staging in 42 minutes.",
      links: [],
      rtoTargetMinutes: 60,
      rtoObservedMinutes: 42,
    });
    const current = await testDb.serviceVerification.findUniqueOrThrow({ where: { serviceId_dimensionId: { serviceId: w.service.id, dimensionId: dr.id } } });
    expect(Math.round((current.expiresAt!.getTime() - current.verifiedAt!.getTime()) / 86_400_000)).toBe(30);
    expect(current).toMatchObject({ rtoTargetMinutes: 60, rtoObservedMinutes: 42 });
    await expect(
      recordVerification(w.users.outsider, { serviceId: w.service.id, dimensionId: dr.id, result: "FAILED", method: "TABLETOP", evidence: "x", links: [] }),
    ).rejects.toThrow(ForbiddenError);

    // 25 days later the tier-1 verification expires within 14 days: the team is reminded once.
    const later = new Date(Date.now() + 25 * 86_400_000);
    await sendVerificationReminders(later);
    await sendVerificationReminders(later);
    const reminders = await testDb.notification.findMany({ where: { organizationId: w.org.id, kind: "VERIFICATION_EXPIRING" }, select: { userId: true } });
    expect(reminders.map((row) => row.userId).sort()).toEqual([w.users.owner.userId, w.users.paymentsManager.userId].sort());
  });
});

describe("game days in the calendar feed", () => {
  it("a planned game day is in the feed of its team and of the teams above it, not in an outsider's", async () => {
    const w = await world();
    const ics = async (user: typeof w.users.owner) => (await feedIcs((await createFeed(user)).secret, "https://andon.example.com"))!;
    const ownerFeed = await ics(w.users.owner);
    expect(ownerFeed).toContain("SUMMARY:Game day: Latency on the card API");
    expect(ownerFeed).toContain(`UID:game-day-${w.gameDayId}@andon.example.com`);
    expect(await ics(w.users.retailManager)).toContain(`UID:game-day-${w.gameDayId}@`);
    expect(await ics(w.users.outsider)).not.toContain("Game day:");
  });
});
