// Notifications that are not action reminders, and the bell's reads, against the test database.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { notifyUsers, notifyUsersInBulk } from "@/lib/notifications/mutations";
import { BELL_LIST_SIZE, BELL_UNREAD_CAP, latestNotificationsFor, unreadCountFor } from "@/lib/notifications/queries";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";

afterAll(() => testDb.$disconnect());

describe("notifyUsers", () => {
  it("notifies each recipient once per kind and key, never the actor, and links to the exact place", async () => {
    const world = await actionWorld();
    const { owner, paymentsManager: manager } = world.users;
    const notification = {
      organizationId: world.org.id,
      kind: "COE_SUBMITTED" as const,
      title: "Review “DNS outage”",
      href: "/coes/x",
      dedupeKey: "coe:x:submitted:1",
    };

    expect(await notifyUsers(db, [owner.userId, manager.userId, owner.userId], notification, manager.userId)).toBe(1);
    expect(await notifyUsers(db, [owner.userId, manager.userId], notification)).toBe(1);
    expect(await notifyUsers(db, [owner.userId, manager.userId], notification)).toBe(0);

    const rows = await testDb.notification.findMany({ where: { organizationId: world.org.id, kind: "COE_SUBMITTED" }, select: { userId: true, href: true } });
    expect(rows.map((row) => row.userId).sort()).toEqual([owner.userId, manager.userId].sort());
    expect((await latestNotificationsFor(owner)).find((item) => item.kind === "COE_SUBMITTED")?.href).toBe("/coes/x");
  });
});

describe("notifyUsersInBulk", () => {
  it("applies notifyUsers' rules to many notifications in one go: once per key, not the actor, not opted-out or deactivated users", async () => {
    const world = await actionWorld();
    const { owner, paymentsManager: manager } = world.users;
    const others = Object.values(world.users).filter((user) => user.userId !== owner.userId && user.userId !== manager.userId);
    const [optedOut, deactivated] = others;
    await testDb.notificationOptOut.create({ data: { userId: optedOut!.userId, kind: "FINDING_OPENED" } });
    await testDb.user.update({ where: { id: deactivated!.userId }, data: { deactivatedAt: new Date() } });
    const finding = (key: string) => ({
      organizationId: world.org.id,
      kind: "FINDING_OPENED" as const,
      title: `Finding ${key}`,
      href: `/policies?team=${key}`,
      dedupeKey: key,
    });
    const everyone = [owner.userId, manager.userId, optedOut!.userId, deactivated!.userId];

    const batch = [
      { userIds: [...everyone, owner.userId], notification: finding("bulk:a") },
      { userIds: everyone, notification: finding("bulk:b") },
    ];
    expect(await notifyUsersInBulk(db, batch, manager.userId)).toBe(2);
    // Again, without an actor: only the manager's two are new.
    expect(await notifyUsersInBulk(db, batch)).toBe(2);
    expect(await notifyUsersInBulk(db, batch)).toBe(0);

    const rows = await testDb.notification.findMany({
      where: { organizationId: world.org.id, kind: "FINDING_OPENED" },
      select: { userId: true, dedupeKey: true, href: true, createdAt: true },
    });
    expect(rows.map((row) => `${row.userId} ${row.dedupeKey}`).sort()).toEqual(
      [owner.userId, manager.userId].flatMap((userId) => [`${userId} bulk:a`, `${userId} bulk:b`]).sort(),
    );
    expect(rows.find((row) => row.userId === owner.userId && row.dedupeKey === "bulk:b")?.href).toBe("/policies?team=bulk:b");
    // Stored as UTC like every other timestamp, so the bell sorts it among the others.
    expect(Math.abs(rows[0]!.createdAt.getTime() - Date.now())).toBeLessThan(5 * 60_000);
  });
});

describe("the bell", () => {
  it("counts unread up to the cap and lists the newest first", async () => {
    const world = await actionWorld();
    const userId = world.users.owner.userId;
    const base = Date.now() - 1_000_000;
    await testDb.notification.createMany({
      data: Array.from({ length: BELL_UNREAD_CAP + 20 }, (_, index) => ({
        organizationId: world.org.id,
        userId,
        kind: "REVIEW_COMMENT" as const,
        title: `Comment ${index}`,
        // A COE each: comments on one COE would fold into one row of the bell.
        href: `/coes/y${index}#c${index}`,
        dedupeKey: `bell-test:${index}`,
        createdAt: new Date(base + index * 1000),
        readAt: index < 10 ? new Date() : null,
      })),
    });
    expect(await unreadCountFor(userId)).toBe(BELL_UNREAD_CAP);
    const latest = await latestNotificationsFor(world.users.owner);
    expect(latest).toHaveLength(BELL_LIST_SIZE);
    expect(latest[0]?.title).toBe(`Comment ${BELL_UNREAD_CAP + 19}`);
    expect(latest.every((item, index) => index === 0 || item.createdAt <= latest[index - 1]!.createdAt)).toBe(true);
  });
});

describe("the bell's rows", () => {
  it("folds notifications about one COE or action into its newest, with a count, and keeps other subjects apart", async () => {
    const world = await actionWorld();
    const userId = world.users.reviewer.userId;
    const base = Date.now() - 100_000;
    const alarm = await world.action("Alarm", 7);
    const rows = [
      { kind: "COE_SUBMITTED", title: "Review “DNS”", href: "/coes/dns#review", read: true },
      { kind: "REVIEW_COMMENT", title: "Comment 1", href: "/coes/dns#thread-1", read: false },
      { kind: "ASSIGNED", title: "You own “Alarm”", href: null, actionId: alarm.id, read: false },
      { kind: "REVIEW_COMMENT", title: "Comment 2", href: "/coes/dns#thread-2", read: true },
      { kind: "FINDING_OPENED", title: "Finding A", href: "/policies?team=a", read: true },
      { kind: "FINDING_OPENED", title: "Finding B", href: "/policies?team=b", read: true },
      { kind: "DUE_SOON", title: "“Alarm” is due", href: null, actionId: alarm.id, read: true },
    ] as const;
    const created = [];
    for (const [index, row] of rows.entries()) {
      created.push(
        await testDb.notification.create({
          data: {
            organizationId: world.org.id,
            userId,
            kind: row.kind,
            title: row.title,
            href: row.href,
            actionId: "actionId" in row ? row.actionId : null,
            dedupeKey: `group-test:${index}`,
            createdAt: new Date(base + index * 1000),
            readAt: row.read ? new Date() : null,
          },
        }),
      );
    }
    const mine = await latestNotificationsFor(world.users.reviewer);
    expect(mine.map((row) => [row.title, row.count, row.read])).toEqual([
      ["“Alarm” is due", 2, false],
      ["Finding B", 1, true],
      ["Finding A", 1, true],
      ["Comment 2", 3, false],
    ]);
    expect(mine[3]!.href).toBe("/coes/dns#thread-2");
    expect(mine[3]!.ids).toEqual([created[3]!.id, created[1]!.id, created[0]!.id]);
    expect(mine[0]!.href).toBe(`/actions/${alarm.id}`);
  });
});
