// Freeze windows against the test database: a manager schedules one, bad input names its field, and
// the deploy gate answers 423 inside a window.
import { afterAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { feedIcs } from "@/lib/actions/calendar";
import { createFeed } from "@/lib/actions/calendar-mutations";
import { createFreezeWindow, deleteFreezeWindow } from "@/lib/freeze-windows/mutations";
import { getFreezeWindow, windowsOfTeams } from "@/lib/freeze-windows/queries";
import { freezeWindowSchema } from "@/lib/freeze-windows/schemas";
import { askGate, cordWorld, testDb } from "@/lib/cords/test-fixtures";

afterAll(() => testDb.$disconnect());

describe("freeze windows", () => {
  it("refuses an end before the start and a bad RRULE, naming the field", () => {
    const base = { teamId: "t", reason: "Freeze", startsAt: "2026-12-24T16:00", endsAt: "2026-12-24T15:00", timeZone: "Europe/Berlin" };
    const early = freezeWindowSchema.safeParse(base);
    expect(early.success ? [] : early.error.issues.map((issue) => issue.path.join("."))).toEqual(["endsAt"]);
    const badRule = freezeWindowSchema.safeParse({ ...base, endsAt: "2026-12-27T08:00", rrule: "FREQ=SOMETIMES" });
    expect(badRule.success ? [] : badRule.error.issues.map((issue) => issue.path.join("."))).toEqual(["rrule"]);
    const badZone = freezeWindowSchema.safeParse({ ...base, timeZone: "Mars/Olympus" });
    expect(badZone.success ? [] : badZone.error.issues.map((issue) => issue.path.join("."))).toEqual(["timeZone"]);
  });

  it("a manager schedules a window for the subtree; members may not; the gate answers 423 inside it", async () => {
    const world = await cordWorld();
    const input = freezeWindowSchema.parse({
      teamId: world.teams.shop.id,
      reason: "Daily release freeze",
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      rrule: "FREQ=DAILY",
    });
    await expect(createFreezeWindow(world.users.member, input)).rejects.toThrow(ForbiddenError);
    const window = await createFreezeWindow(world.users.manager, input);
    expect(window.nextOccurrences.length).toBe(3);
    const response = await askGate(world.token.secret, world.service.name);
    expect(response.status).toBe(423);
    expect(await response.json()).toMatchObject({ reason: "freeze_window", freezeWindow: { id: window.id, reason: "Daily release freeze" } });
  });

  it("shows a Retail window in the calendar feed of a Shop member, not of Platform; deleting it needs a manager of its team", async () => {
    const world = await cordWorld();
    const input = freezeWindowSchema.parse({
      teamId: world.teams.retail.id,
      reason: "Weekend freeze",
      startsAt: "2026-12-04T16:00",
      endsAt: "2026-12-07T08:00",
      timeZone: "Europe/Berlin",
      rrule: "FREQ=WEEKLY;BYDAY=FR",
    });
    const window = await createFreezeWindow(world.users.retailManager, input);
    const ics = async (user: typeof world.users.member) => (await feedIcs((await createFeed(user)).secret, "https://andon.example.com"))!;
    const memberFeed = await ics(world.users.member);
    expect(memberFeed).toContain("SUMMARY:Deploy freeze: Weekend freeze");
    expect(memberFeed).toContain(`UID:freeze-${window.id}-`);
    expect(await ics(world.users.outsider)).not.toContain("Deploy freeze");
    expect((await windowsOfTeams(world.users.member, [world.teams.retail.id])).map((listed) => [listed.id, listed.teamName])).toEqual([[window.id, "Retail"]]);
    // Readable across the organization (an outsider deploys too), never from another organization.
    expect((await getFreezeWindow(world.users.outsider, window.id))?.id).toBe(window.id);
    expect(await getFreezeWindow((await cordWorld()).users.manager, window.id)).toBeNull();
    // The Shop manager manages below Retail, not Retail itself.
    await expect(deleteFreezeWindow(world.users.manager, window.id)).rejects.toThrow(ForbiddenError);
    await deleteFreezeWindow(world.users.retailManager, window.id);
    expect(await windowsOfTeams(world.users.member, [world.teams.retail.id])).toEqual([]);
  });
});
