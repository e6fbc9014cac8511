// Who hears of a weekly review's agenda and minutes, against the test database.
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { announceAgenda, publishReview, setAttendance, startMeeting } from "@/lib/reviews/mutations";
import { reviewWorld, testDb, userFor, WEEK } from "@/lib/reviews/test-fixtures";
import { createUser } from "@/prisma/seed/factories";

const told = async (kind: "AGENDA_READY" | "MINUTES_PUBLISHED", users: Record<string, { userId: string }>) => {
  const rows = await testDb.notification.findMany({
    where: { kind, userId: { in: Object.values(users).map((user) => user.userId) } },
    select: { userId: true, href: true },
  });
  return Object.entries(users)
    .filter(([, user]) => rows.some((row) => row.userId === user.userId))
    .map(([name]) => name)
    .sort();
};

/** Holds the week's meeting with these attendees and publishes its minutes. */
async function heldMeeting(organizer: CurrentUser, ref: { seriesId: string; isoWeek: string }, attendees: { userId: string }[]) {
  const started = await startMeeting(organizer, { ...ref, version: 1 });
  const attended = await setAttendance(organizer, { ...ref, version: started.version, userIds: attendees.map((user) => user.userId) });
  await publishReview(organizer, { ...ref, version: attended.version });
}

describe("weekly review notifications", () => {
  it("tells the attendees and organizers that the minutes are published: not the publisher, not who was absent", async () => {
    const world = await reviewWorld();
    const { manager, secondManager, member, paymentsMember, outsider } = world.users;
    await testDb.reviewOrganizer.create({ data: { seriesId: world.series.id, userId: secondManager.userId } });
    const ref = { seriesId: world.series.id, isoWeek: WEEK };
    await heldMeeting(manager, ref, [manager, member]);

    expect(await told("MINUTES_PUBLISHED", { manager, secondManager, member, paymentsMember, outsider })).toEqual(["member", "secondManager"]);
    const row = await testDb.notification.findFirstOrThrow({ where: { kind: "MINUTES_PUBLISHED", userId: member.userId } });
    expect(row.href).toBe(`/reviews/${world.series.id}/weeks/${WEEK}/minutes`);
  });

  it("tells the series team, its organizers and last meeting's attendees that the agenda is ready, once", async () => {
    const world = await reviewWorld();
    const { manager, secondManager, member, paymentsMember, outsider } = world.users;
    const platformMember = await userFor(
      (
        await createUser(testDb, world.org.id, {
          name: "Pat Platform",
          memberships: [{ teamId: world.teams.platform.id, role: "MEMBER" }],
          passwordHash: "not-a-real-hash",
        })
      ).id,
    );
    // An organizer from another team, and a sub-team member who attended last week's meeting.
    await testDb.reviewOrganizer.create({ data: { seriesId: world.series.id, userId: outsider.userId } });
    const lastWeek = { seriesId: world.series.id, isoWeek: "2026-W47" };
    await heldMeeting(manager, lastWeek, [paymentsMember]);

    const announced = await announceAgenda(manager, { seriesId: world.series.id, isoWeek: WEEK, version: 1 });
    expect(announced.notified).toBe(4);
    expect(await told("AGENDA_READY", { manager, secondManager, member, paymentsMember, outsider, platformMember })).toEqual([
      "member",
      "outsider",
      "paymentsMember",
      "secondManager",
    ]);
    const row = await testDb.notification.findFirstOrThrow({ where: { kind: "AGENDA_READY", userId: member.userId } });
    expect(row.href).toBe(`/reviews/${world.series.id}/weeks/${WEEK}`);

    const again = await announceAgenda(manager, { seriesId: world.series.id, isoWeek: WEEK, version: announced.version });
    expect(again.notified).toBe(0);
  });
});
