import { afterAll, describe, expect, it } from "vitest";
import { evaluatePolicies } from "@/lib/policies/evaluator";
import { writeFacts } from "@/lib/policies/fact-mutations";
import { daysFromNow, enforcedRule, policyWorld, testDb } from "@/lib/policies/test-fixtures";

afterAll(() => testDb.$disconnect());

async function pushExpiry(organizationId: string, serviceId: string, days: number) {
  await writeFacts(testDb, organizationId, "test", [
    { serviceId, key: "tls.expiresAt", type: "datetime", value: daysFromNow(days).toISOString(), observedAt: new Date() },
  ]);
}

describe("policy evaluator", () => {
  it("opens a finding for a failing service, resolves it when the rule passes and reopens it as a new episode", async () => {
    const world = await policyWorld();
    const rule = await enforcedRule(world.org.id);
    await pushExpiry(world.org.id, world.cart.id, 5);
    await pushExpiry(world.org.id, world.web.id, 200);

    const first = await evaluatePolicies({ organizationId: world.org.id });
    expect(first).toMatchObject({ opened: 1, failing: 1 });
    const finding = await testDb.policyFinding.findUniqueOrThrow({ where: { ruleId_serviceId: { ruleId: rule.id, serviceId: world.cart.id } } });
    expect(finding).toMatchObject({ status: "OPEN", episode: 1, teamId: world.checkout.id });
    expect(finding.factValues).toMatchObject({ "tls.expiresAt": expect.any(String) });
    // infra has no certificate: the rule does not apply to it.
    expect(await testDb.policyFinding.count({ where: { serviceId: world.infra.id } })).toBe(0);

    await pushExpiry(world.org.id, world.cart.id, 90);
    expect(await evaluatePolicies({ organizationId: world.org.id, serviceIds: [world.cart.id] })).toMatchObject({ resolved: 1 });
    await pushExpiry(world.org.id, world.cart.id, 2);
    expect(await evaluatePolicies({ organizationId: world.org.id })).toMatchObject({ reopened: 1, opened: 0 });

    const reopened = await testDb.policyFinding.findUniqueOrThrow({ where: { id: finding.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(reopened.status).toBe("OPEN");
    expect(reopened.episode).toBe(2);
    expect(reopened.events.map((event) => event.kind)).toEqual(["OPENED", "RESOLVED", "REOPENED"]);
    // Each transition's domain event is written by the statement that makes it, in the API's shape.
    const events = await testDb.domainEvent.findMany({
      where: { organizationId: world.org.id, type: { startsWith: "finding." } },
      orderBy: { occurredAt: "asc" },
    });
    expect(events.map((event) => [event.type, event.teamId, event.data])).toEqual([
      [
        "finding.opened",
        world.checkout.id,
        { id: finding.id, ruleId: rule.id, serviceId: world.cart.id, teamId: world.checkout.id, status: "OPEN", episode: 1 },
      ],
      [
        "finding.resolved",
        world.checkout.id,
        { id: finding.id, ruleId: rule.id, serviceId: world.cart.id, teamId: world.checkout.id, status: "RESOLVED", episode: 1 },
      ],
      [
        "finding.reopened",
        world.checkout.id,
        { id: finding.id, ruleId: rule.id, serviceId: world.cart.id, teamId: world.checkout.id, status: "OPEN", episode: 2 },
      ],
    ]);
    expect(Math.abs(events[0]!.occurredAt.getTime() - Date.now())).toBeLessThan(5 * 60_000);
    // The team's people heard about the new failures.
    expect(await testDb.notification.count({ where: { userId: world.member.id, kind: "FINDING_OPENED" } })).toBeGreaterThan(0);
  });

  it("is idempotent and safe when two evaluations run at once", async () => {
    const world = await policyWorld();
    await enforcedRule(world.org.id);
    await pushExpiry(world.org.id, world.cart.id, 1);
    await pushExpiry(world.org.id, world.web.id, 3);
    const results = await Promise.all([evaluatePolicies({ organizationId: world.org.id }), evaluatePolicies({ organizationId: world.org.id })]);
    expect(results.map((result) => result.opened).sort()).toEqual([0, 2]);
    await evaluatePolicies({ organizationId: world.org.id });
    const findings = await testDb.policyFinding.findMany({ where: { organizationId: world.org.id }, include: { events: true } });
    expect(findings).toHaveLength(2);
    expect(findings.every((finding) => finding.events.length === 1 && finding.episode === 1)).toBe(true);
  });

  it("records a fact's history only when its value changes", async () => {
    const world = await policyWorld();
    await pushExpiry(world.org.id, world.cart.id, 10);
    const same = (await testDb.serviceFact.findFirstOrThrow({ where: { serviceId: world.cart.id } })).value as string;
    const write = () =>
      writeFacts(testDb, world.org.id, "test", [{ serviceId: world.cart.id, key: "tls.expiresAt", type: "datetime", value: same, observedAt: new Date() }]);
    expect(await write()).toEqual([]);
    expect(await testDb.serviceFactChange.count({ where: { serviceId: world.cart.id } })).toBe(1);
    // In one write of several facts: a new key and a changed value get history, the same value none.
    const batch = (values: [string, number][]) =>
      writeFacts(
        testDb,
        world.org.id,
        "test",
        values.map(([key, value]) => ({ serviceId: world.cart.id, key, type: "number" as const, value, observedAt: new Date() })),
        { touchUnchanged: false },
      );
    expect(
      await batch([
        ["a", 1],
        ["b", 2],
      ]),
    ).toEqual([world.cart.id]);
    expect(
      await batch([
        ["a", 1],
        ["b", 3],
        ["c", 4],
      ]),
    ).toEqual([world.cart.id]);
    const history = await testDb.serviceFactChange.findMany({
      where: { serviceId: world.cart.id, key: { in: ["a", "b", "c"] } },
      orderBy: [{ key: "asc" }, { id: "asc" }],
    });
    expect(history.map((change) => [change.key, change.value])).toEqual([
      ["a", 1],
      ["b", 2],
      ["b", 3],
      ["c", 4],
    ]);
    // Another organization's service is never written.
    const other = await policyWorld();
    expect(await writeFacts(testDb, world.org.id, "test", [{ serviceId: other.cart.id, key: "x", type: "number", value: 1, observedAt: new Date() }])).toEqual(
      [],
    );
  });
});
