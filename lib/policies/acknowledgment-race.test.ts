// Two managers deciding the same waiver at once: one decision is recorded, the other is told it was
// decided meanwhile (409), and nothing is written twice.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { decideAcknowledgment, requestAcknowledgment } = await import("@/lib/policies/finding-mutations");
const { loadCurrentUser } = await import("@/lib/auth/principal");
const { daysFromNow, enforcedRule, openFinding, policyWorld, testDb } = await import("@/lib/policies/test-fixtures");

afterAll(() => testDb.$disconnect());

describe("deciding an acknowledgment", () => {
  it("lets exactly one of two concurrent decisions through; the loser gets a 409", async () => {
    const world = await policyWorld();
    const rule = await enforcedRule(world.org.id);
    const finding = await openFinding(world, rule.id, world.cart);
    const [member, checkoutManager, retailManager] = await Promise.all(
      [world.member, world.checkoutManager, world.retailManager].map(async (user) => (await loadCurrentUser(user.id))!),
    );
    const ack = await requestAcknowledgment(member!, {
      findingId: finding.id,
      category: "ACCEPTED_RISK",
      reason: "Renewal is automated next sprint.",
      expiresOn: daysFromNow(30).toISOString().slice(0, 10),
    });

    const results = await Promise.allSettled([
      decideAcknowledgment(checkoutManager!, { acknowledgmentId: ack.id, decision: "APPROVED", note: "ok" }),
      decideAcknowledgment(retailManager!, { acknowledgmentId: ack.id, decision: "DENIED", note: "no" }),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ name: "ConflictError", status: 409 });
    expect(String(lost[0]!.reason.message)).toMatch(/already decided/);

    const winner = (won[0] as PromiseFulfilledResult<{ status: string }>).value.status;
    const stored = await testDb.findingAcknowledgment.findUniqueOrThrow({ where: { id: ack.id }, select: { status: true, decidedById: true } });
    expect(stored.status).toBe(winner);
    expect(stored.decidedById).toBe(winner === "APPROVED" ? world.checkoutManager.id : world.retailManager.id);
    expect((await testDb.policyFinding.findUniqueOrThrow({ where: { id: finding.id } })).status).toBe(winner === "APPROVED" ? "ACKNOWLEDGED" : "OPEN");
    const decisions = await testDb.policyFindingEvent.count({ where: { findingId: finding.id, kind: { in: ["ACKNOWLEDGED", "ACK_DENIED"] } } });
    expect(decisions).toBe(1);
    expect(await testDb.auditEvent.count({ where: { entityId: finding.id, action: { startsWith: "acknowledgment." } } })).toBe(1);

    // Deciding again later is the same conflict, not a second write.
    await expect(decideAcknowledgment(checkoutManager!, { acknowledgmentId: ack.id, decision: "DENIED", note: "" })).rejects.toMatchObject({ status: 409 });
  });

  it("keeps one pending request when two members ask at once", async () => {
    const world = await policyWorld();
    const rule = await enforcedRule(world.org.id);
    const finding = await openFinding(world, rule.id, world.cart);
    const asker = (await loadCurrentUser(world.member.id))!;
    const ask = (reason: string) =>
      requestAcknowledgment(asker, { findingId: finding.id, category: "MITIGATED_ELSEWHERE", reason, expiresOn: daysFromNow(30).toISOString().slice(0, 10) });
    const results = await Promise.allSettled([ask("The load balancer terminates TLS."), ask("A proxy in front renews it.")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { message: expect.stringMatching(/already waiting/) } });
    expect(await testDb.findingAcknowledgment.count({ where: { findingId: finding.id, status: "REQUESTED" } })).toBe(1);
  });
});
