// Cords against the test database: anyone pulls, concurrent pulls become one cord with a +1, the
// owning team notes and resolves (once), a manager's override passes exactly one deploy under
// concurrent gate calls, and "Start the COE" prefills a draft linked both ways.
import { afterAll, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { addCordNote, createCorrectiveActionFromCord, grantOverride, pullCord, resolveCord, startCoeFromCord } from "@/lib/cords/mutations";
import { askGate, cordWorld, runningFreezeWindow, testDb } from "@/lib/cords/test-fixtures";

afterAll(() => testDb.$disconnect());

const report = { problem: "Product page shows the wrong price", customerImpact: "", severity: "CUSTOMER_DEFECT" as const, link: null };

describe("pulling the cord", () => {
  it("two pulls at the same moment on one service end as one cord with a +1", async () => {
    const world = await cordWorld();
    const results = await Promise.all([
      pullCord(world.users.viewer, { ...report, serviceId: world.service.id }),
      pullCord(world.users.outsider, { ...report, problem: "Checkout button missing", serviceId: world.service.id }),
    ]);
    expect(results.map((result) => result.plusOne).sort()).toEqual([false, true]);
    const cords = await testDb.cord.findMany({ where: { serviceId: world.service.id }, select: { id: true, events: { select: { kind: true } } } });
    expect(cords).toHaveLength(1);
    expect(cords[0]!.events.map((event) => event.kind).sort()).toEqual(["PLUS_ONE", "PULLED"]);
    expect(results[0]!.cord.id).toBe(results[1]!.cord.id);
  });

  it("notifies the owning team and its managers up the tree, audits and emits the event", async () => {
    const world = await cordWorld();
    const { cord } = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    const notified = await testDb.notification.findMany({ where: { kind: "CORD_PULLED", href: `/cords/${cord.id}` }, select: { userId: true } });
    expect(notified.map((row) => row.userId).sort()).toEqual([world.users.member.userId, world.users.manager.userId, world.users.retailManager.userId].sort());
    expect(await testDb.auditEvent.count({ where: { entityType: "cord", entityId: cord.id, action: "cord.pulled" } })).toBe(1);
    expect(await testDb.domainEvent.count({ where: { organizationId: world.org.id, type: "cord.pulled" } })).toBe(1);
  });

  it("refuses a service of another organization as unknown", async () => {
    const world = await cordWorld();
    const other = await cordWorld();
    await expect(pullCord(world.users.viewer, { ...report, serviceId: other.service.id })).rejects.toThrow(NotFoundError);
  });
});

describe("owning the cord", () => {
  it("members note and resolve; viewers and outsiders may not; resolving twice is a conflict", async () => {
    const world = await cordWorld();
    const { cord } = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    await expect(addCordNote(world.users.viewer, { cordId: cord.id, body: "rolling back" })).rejects.toThrow(ForbiddenError);
    await expect(resolveCord(world.users.outsider, { cordId: cord.id, resolutionNote: "fixed" })).rejects.toThrow(ForbiddenError);
    await addCordNote(world.users.member, { cordId: cord.id, body: "Rolling back" });
    const resolved = await resolveCord(world.users.member, { cordId: cord.id, resolutionNote: "Price corrected" });
    expect(resolved).toMatchObject({ status: "resolved", coeDue: true });
    await expect(resolveCord(world.users.manager, { cordId: cord.id, resolutionNote: "again" })).rejects.toThrow(ConflictError);
    // The line runs again: a new pull opens a new cord.
    const next = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    expect(next.plusOne).toBe(false);
    expect(await testDb.notification.count({ where: { kind: "CORD_COE_DUE", href: `/cords/${cord.id}` } })).toBeGreaterThan(0);
  });

  it("only a manager of the owning subtree grants an override", async () => {
    const world = await cordWorld();
    const { cord } = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    await expect(grantOverride(world.users.member, { cordId: cord.id, justification: "the fix" })).rejects.toThrow(ForbiddenError);
    await expect(grantOverride(world.users.retailManager, { cordId: cord.id, justification: "the fix" })).resolves.toMatchObject({
      expiresAt: expect.any(String),
    });
  });

  it("Start the COE prefills a draft with the service, times and timeline, linked both ways", async () => {
    const world = await cordWorld();
    const { cord } = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    await addCordNote(world.users.member, { cordId: cord.id, body: "Page corrected" });
    await resolveCord(world.users.member, { cordId: cord.id, resolutionNote: "Price feed fixed" });
    await expect(startCoeFromCord(world.users.viewer, cord.id)).rejects.toThrow(ForbiddenError);
    const started = await startCoeFromCord(world.users.member, cord.id);
    expect(started.created).toBe(true);
    const coe = await testDb.coe.findUniqueOrThrow({
      where: { id: started.coeId },
      select: {
        status: true,
        severity: true,
        teamId: true,
        startedAt: true,
        mitigatedAt: true,
        cord: { select: { id: true } },
        services: { select: { serviceId: true } },
        timelineEntries: { select: { description: true }, orderBy: { occurredAt: "asc" } },
      },
    });
    const row = await testDb.cord.findUniqueOrThrow({ where: { id: cord.id }, select: { pulledAt: true, resolvedAt: true } });
    expect(coe).toMatchObject({
      status: "DRAFT",
      severity: "SEV2",
      teamId: world.teams.shop.id,
      startedAt: row.pulledAt,
      mitigatedAt: row.resolvedAt,
      cord: { id: cord.id },
    });
    expect(coe.services).toEqual([{ serviceId: world.service.id }]);
    expect(coe.timelineEntries.map((entry) => entry.description).join("\n")).toMatch(/Pulled the cord by Vera Viewer[\s\S]*Page corrected[\s\S]*Resolved/);
    expect(await startCoeFromCord(world.users.manager, cord.id)).toEqual({ coeId: started.coeId, created: false });
  });
});

describe("the deploy gate", () => {
  it("answers 423 with who and what while the cord is open, logs the attempt with its ref, and 200 once resolved", async () => {
    const world = await cordWorld();
    expect((await askGate(world.token.secret, world.service.name)).status).toBe(200);
    const { cord } = await pullCord(world.users.viewer, { ...report, link: "https://shop.example/p/42", serviceId: world.service.id });
    const blocked = await askGate(world.token.secret, world.service.id, { ref: "abc123", environment: "production" });
    expect(blocked.status).toBe(423);
    expect(blocked.headers.get("content-type")).toBe("application/problem+json");
    const body = await blocked.json();
    expect(body).toMatchObject({
      status: 423,
      allowed: false,
      reason: "cord",
      cord: { id: cord.id, pulledBy: "Vera Viewer", problem: report.problem, link: "https://shop.example/p/42" },
    });
    await askGate(world.token.secret, world.service.name);
    const attempts = await testDb.cordEvent.findMany({ where: { cordId: cord.id, kind: "DEPLOY_BLOCKED" }, select: { deployRef: true } });
    expect(attempts.map((attempt) => attempt.deployRef).sort()).toEqual(["abc123", null]);
    expect(await testDb.domainEvent.count({ where: { organizationId: world.org.id, type: "cord.deploy_blocked" } })).toBe(2);
    await resolveCord(world.users.member, { cordId: cord.id, resolutionNote: "fixed" });
    expect((await askGate(world.token.secret, world.service.name)).status).toBe(200);
  });

  it("passes exactly one deploy on an override, under concurrent calls", async () => {
    const world = await cordWorld();
    const { cord } = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    await grantOverride(world.users.manager, { cordId: cord.id, justification: "Ship the fix" });
    const statuses = await Promise.all(
      Array.from({ length: 6 }, (_, index) => askGate(world.token.secret, world.service.id, { ref: `run-${index}` }).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 423)).toHaveLength(5);
    const kinds = await testDb.cordEvent.groupBy({ by: ["kind"], where: { cordId: cord.id }, _count: true });
    expect(Object.fromEntries(kinds.map((row) => [row.kind, row._count]))).toMatchObject({ OVERRIDE_USED: 1, DEPLOY_BLOCKED: 5 });
    const used = await testDb.domainEvent.findMany({
      where: { organizationId: world.org.id, type: "cord.override_used" },
      select: { data: true, teamId: true },
    });
    expect(used).toHaveLength(1);
    expect(used[0]).toMatchObject({
      teamId: world.teams.shop.id,
      data: { id: cord.id, status: "open", overrideUsed: { justification: "Ship the fix", ref: expect.stringMatching(/^run-\d$/) } },
    });
    expect((await askGate(world.token.secret, world.service.id)).status).toBe(423);
  });

  it("keeps one override waiting at a time: a second grant, even at the same moment, is a 409 until the first is used", async () => {
    const world = await cordWorld();
    const { cord } = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    const grants = await Promise.allSettled(
      [world.users.manager, world.users.retailManager].map((manager) => grantOverride(manager, { cordId: cord.id, justification: "Ship the fix" })),
    );
    expect(grants.map((grant) => grant.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(grants.find((grant) => grant.status === "rejected")?.reason).toBeInstanceOf(ConflictError);
    expect(await testDb.cordOverride.count({ where: { cordId: cord.id } })).toBe(1);
    const statuses = [(await askGate(world.token.secret, world.service.id)).status, (await askGate(world.token.secret, world.service.id)).status];
    expect(statuses).toEqual([200, 423]);
    // Used: the next deploy needs, and may get, a new grant.
    await expect(grantOverride(world.users.manager, { cordId: cord.id, justification: "And the follow-up" })).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  it("answers HEAD like GET without a body and without side effects: no attempt logged, no override used", async () => {
    const world = await cordWorld();
    const head = () => askGate(world.token.secret, world.service.id, { method: "HEAD", ref: "peek" });
    const { cord } = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    const blocked = await head();
    expect(blocked.status).toBe(423);
    expect(blocked.headers.get("content-type")).toBe("application/problem+json");
    expect(await blocked.text()).toBe("");
    await grantOverride(world.users.manager, { cordId: cord.id, justification: "Ship the fix" });
    expect((await head()).status).toBe(423);
    expect((await head()).status).toBe(423);
    const sideEffects = () =>
      Promise.all([
        testDb.cordEvent.count({ where: { cordId: cord.id, kind: { in: ["DEPLOY_BLOCKED", "OVERRIDE_USED"] } } }),
        testDb.cordOverride.count({ where: { cordId: cord.id, usedAt: { not: null } } }),
        testDb.domainEvent.count({ where: { organizationId: world.org.id, type: "cord.deploy_blocked" } }),
      ]);
    expect(await sideEffects()).toEqual([0, 0, 0]);
    // The deploy's GET is what uses the override.
    expect((await askGate(world.token.secret, world.service.id, { ref: "the-fix" })).status).toBe(200);
    expect(await sideEffects()).toEqual([1, 1, 0]);
  });

  it("answers 423 inside a freeze window of the owning subtree", async () => {
    const world = await cordWorld();
    await runningFreezeWindow(world.org.id, world.teams.retail.id, "Holiday freeze");
    const response = await askGate(world.token.secret, world.service.name);
    expect(response.status).toBe(423);
    expect(await response.json()).toMatchObject({ reason: "freeze_window", freezeWindow: { reason: "Holiday freeze" } });
  });

  it("answers bad input with 4xx problems, never 5xx", async () => {
    const world = await cordWorld();
    expect((await askGate(world.token.secret, "no-such-service")).status).toBe(404);
    expect((await askGate(world.token.secret, "")).status).toBe(400);
    expect((await askGate(world.token.secret, "x".repeat(5000))).status).toBe(400);
    expect((await askGate(world.token.secret, "bad\u0000name")).status).toBe(404);
    expect((await askGate("andon_not-a-token", world.service.name)).status).toBe(401);
    const other = await cordWorld();
    expect((await askGate(world.token.secret, other.service.id)).status).toBe(404);
  });
});

describe("actions from a cord", () => {
  it("are sourced ANDON_EVENT, owned by the service's team, linked to the cord and show on its timeline; outsiders may not create them", async () => {
    const world = await cordWorld();
    const { cord } = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    const input = {
      cordId: cord.id,
      title: "Alarm on zero prices",
      description: "Prices of zero should page someone.",
      ownerId: world.users.member.userId,
      type: "DETECT" as const,
      priority: "HIGH" as const,
      dueDate: "2026-12-31",
    };
    await expect(createCorrectiveActionFromCord(world.users.outsider, input)).rejects.toThrow(ForbiddenError);
    const saved = await createCorrectiveActionFromCord(world.users.member, input);
    const action = await testDb.correctiveAction.findUniqueOrThrow({
      where: { id: saved.id },
      select: { source: true, teamId: true, coeId: true, cordId: true, description: true },
    });
    // The link is the column: the description stays what the author wrote.
    expect(action).toEqual({
      source: "ANDON_EVENT",
      teamId: world.teams.shop.id,
      coeId: null,
      cordId: cord.id,
      description: "Prices of zero should page someone.",
    });
    const notes = await testDb.cordEvent.findMany({ where: { cordId: cord.id, kind: "NOTE" }, select: { body: true } });
    expect(notes.map((note) => note.body)).toEqual([`Corrective action created: “Alarm on zero prices” (/actions/${saved.id})`]);
  });
});
