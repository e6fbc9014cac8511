// The `verification.expired` event against the test database: written once per expiry, in the
// verification's API shape, even when two instances run the daily job at the same moment; a
// verification recorded again announces its next expiry.
import { afterAll, describe, expect, it } from "vitest";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import { createService } from "@/prisma/seed/factories";
import { announceExpiredVerifications, recordVerification } from "@/lib/verification/mutations";
import { listDimensions } from "@/lib/verification/queries";

afterAll(() => testDb.$disconnect());

const DAY_MS = 86_400_000;

async function passedVerification() {
  const w = await actionWorld();
  const service = await createService(testDb, w.org.id, w.teams.payments.id, { name: `ledger-${w.org.id.slice(-6)}` });
  const dimension = (await listDimensions(w.users.owner)).find((row) => row.key === "multi_az")!;
  const record = () =>
    recordVerification(w.users.owner, {
      serviceId: service.id,
      dimensionId: dimension.id,
      result: "PASSED",
      method: "MANUAL_CHECK",
      evidence: "Failed over.",
      links: [],
    });
  await record();
  const expiredEvents = () =>
    testDb.domainEvent.findMany({ where: { organizationId: w.org.id, type: "verification.expired" }, orderBy: { occurredAt: "asc" } });
  return { w, service, record, expiredEvents };
}

describe("verification.expired", () => {
  it("is written once when two runs of the job race, with the verification's API shape and team", async () => {
    const { w, service, expiredEvents } = await passedVerification();
    expect(await announceExpiredVerifications(new Date())).toMatchObject({ expired: expect.any(Number) });
    expect(await expiredEvents()).toEqual([]);

    const later = new Date(Date.now() + 100 * DAY_MS);
    await Promise.all([announceExpiredVerifications(later), announceExpiredVerifications(later)]);
    await announceExpiredVerifications(later);
    const events = await expiredEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      teamId: w.teams.payments.id,
      data: { serviceId: service.id, dimension: "multi_az", status: "EXPIRED", result: "PASSED", method: "MANUAL_CHECK" },
    });
  });

  it("announces the next expiry after the verification is recorded again", async () => {
    const { record, expiredEvents } = await passedVerification();
    await announceExpiredVerifications(new Date(Date.now() + 100 * DAY_MS));
    await record();
    await announceExpiredVerifications(new Date());
    expect(await expiredEvents()).toHaveLength(1);
    await announceExpiredVerifications(new Date(Date.now() + 100 * DAY_MS));
    expect(await expiredEvents()).toHaveLength(2);
  });
});
