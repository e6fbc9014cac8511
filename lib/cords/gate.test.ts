import { afterAll, describe, expect, it } from "vitest";
import { blockedDetail, decideGate, type GateFacts, type GateWindow } from "@/lib/cords/gate";
import { grantOverride, pullCord, resolveCord } from "@/lib/cords/mutations";
import { askGate, cordWorld, runningFreezeWindow, testDb } from "@/lib/cords/test-fixtures";

afterAll(() => testDb.$disconnect());

const cord = {
  id: "cord1",
  problem: "Product page shows the wrong price",
  link: null,
  pulledAt: new Date("2026-10-23T09:00:00Z"),
  pulledByName: "Vera Viewer",
};
// Fridays 16:00 → Mondays 08:00 Berlin, across the change back to winter time on 25 October 2026.
const weekendFreeze: GateWindow = {
  id: "w1",
  reason: "Weekend freeze",
  startsAt: new Date("2026-10-02T14:00:00Z"),
  endsAt: new Date("2026-10-05T06:00:00Z"),
  rrule: "FREQ=WEEKLY;BYDAY=FR",
  timeZone: "Europe/Berlin",
  environments: [],
};
const nothing: GateFacts = { cord: null, windows: [], override: null };
const overrideForCord = { id: "o1", cordId: "cord1" };
const wednesday = new Date("2026-10-28T12:00:00Z");

describe("deploy gate decision", () => {
  it("allows when nothing stops the line", () => {
    expect(decideGate(nothing, wednesday)).toEqual({ kind: "allowed" });
  });

  it("blocks on an open cord and says who, when and what", () => {
    const decision = decideGate({ ...nothing, cord }, wednesday);
    expect(decision.kind).toBe("blocked");
    if (decision.kind !== "blocked") return;
    expect(blockedDetail("shop-web", decision.block)).toContain(
      "Vera Viewer stopped the line at 2026-10-23T09:00:00.000Z — Product page shows the wrong price",
    );
  });

  it("lets one deploy through on an unused override", () => {
    expect(decideGate({ cord, windows: [], override: overrideForCord }, wednesday)).toMatchObject({ kind: "override", overrideId: "o1" });
  });

  it("ignores an override when nothing blocks", () => {
    expect(decideGate({ ...nothing, override: overrideForCord }, wednesday)).toEqual({ kind: "allowed" });
  });

  it("lets an override through only the stop it was granted for", () => {
    const laterCord = { ...cord, id: "cord2" };
    expect(decideGate({ cord: laterCord, windows: [], override: overrideForCord }, wednesday).kind).toBe("blocked");
    expect(decideGate({ cord, windows: [], override: { id: "o1", cordId: null } }, wednesday).kind).toBe("blocked");
    const friday = new Date("2026-10-30T16:00:00Z");
    expect(decideGate({ ...nothing, windows: [weekendFreeze], override: overrideForCord }, friday).kind).toBe("blocked");
    // The cord's override does not lift a freeze window that holds as well.
    expect(decideGate({ cord, windows: [weekendFreeze], override: overrideForCord }, friday).kind).toBe("blocked");
  });

  it.each([
    ["Friday 15:30 CET, after the change", "2026-10-30T14:30:00Z", "allowed"],
    ["Friday 16:00 CET, after the change", "2026-10-30T15:00:00Z", "blocked"],
    ["Friday 16:00 CEST, before the change", "2026-10-23T14:00:00Z", "blocked"],
    ["Monday 07:30 CET, the window spanned the change", "2026-10-26T06:30:00Z", "blocked"],
    ["Monday 08:00 CET", "2026-10-26T07:00:00Z", "allowed"],
  ])("in a recurring window: %s → %s", (_label, at, kind) => {
    expect(decideGate({ ...nothing, windows: [weekendFreeze] }, new Date(at)).kind).toBe(kind);
  });

  it("says until when a freeze window holds, in the window's local end", () => {
    const decision = decideGate({ ...nothing, windows: [weekendFreeze] }, new Date("2026-10-24T10:00:00Z"));
    expect(decision.kind === "blocked" && decision.block.freeze?.until.toISOString()).toBe("2026-10-26T07:00:00.000Z");
  });

  it("applies an environment-limited window only to that environment (and to calls naming none)", () => {
    const productionOnly = { ...weekendFreeze, environments: ["production"] };
    const friday = new Date("2026-10-30T16:00:00Z");
    expect(decideGate({ ...nothing, windows: [productionOnly] }, friday, "staging").kind).toBe("allowed");
    expect(decideGate({ ...nothing, windows: [productionOnly] }, friday, "Production").kind).toBe("blocked");
    expect(decideGate({ ...nothing, windows: [productionOnly] }, friday).kind).toBe("blocked");
  });

  it("names both the cord and the window when both hold", () => {
    const decision = decideGate({ cord, windows: [weekendFreeze], override: null }, new Date("2026-10-30T16:00:00Z"));
    expect(decision.kind === "blocked" && decision.block.cord?.id === "cord1" && decision.block.freeze?.id === "w1").toBe(true);
  });
});

describe("an override against the database", () => {
  const report = { problem: "Product page shows the wrong price", customerImpact: "", severity: "STOP_DEPLOYS" as const, link: null };

  it("left unused on a resolved cord does not let a deploy through a later cord or a freeze window", async () => {
    const world = await cordWorld();
    const first = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    await grantOverride(world.users.manager, { cordId: first.cord.id, justification: "Ship the fix" });
    await resolveCord(world.users.member, { cordId: first.cord.id, resolutionNote: "Rolled back" });

    const freeze = await runningFreezeWindow(world.org.id, world.teams.shop.id, "Launch freeze");
    expect((await askGate(world.token.secret, world.service.id)).status).toBe(423);
    await testDb.freezeWindow.delete({ where: { id: freeze.id } });

    const second = await pullCord(world.users.viewer, { ...report, serviceId: world.service.id });
    expect((await askGate(world.token.secret, world.service.id, { ref: "later" })).status).toBe(423);
    expect(await testDb.cordOverride.count({ where: { cordId: first.cord.id, usedAt: null } })).toBe(1);
    expect(await testDb.cordEvent.count({ where: { cordId: second.cord.id, kind: "DEPLOY_BLOCKED" } })).toBe(1);

    // An override granted for the cord open now still passes its one deploy.
    await grantOverride(world.users.manager, { cordId: second.cord.id, justification: "Ship the second fix" });
    expect((await askGate(world.token.secret, world.service.id)).status).toBe(200);
    expect((await askGate(world.token.secret, world.service.id)).status).toBe(423);
  });
});
