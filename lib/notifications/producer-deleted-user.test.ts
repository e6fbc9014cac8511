// The reminder job when a recipient is deleted while it runs: the job plans in memory from reads made
// a moment earlier, then writes in one statement. A user deleted in between (or during the statement
// itself) must be skipped, not fail the batch on notifications' foreign key and leave everyone else in
// it without their reminder.
import { randomUUID } from "node:crypto";

import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";

import { env } from "@/lib/env";
import { produceNotifications } from "@/lib/notifications/producer";
import { actionWorld, testDb } from "@/lib/actions/test-fixtures";
import type * as Plan from "@/lib/notifications/plan";

// Recipients the next plan adds for the action with this id: users that do not exist (any more).
const phantoms = vi.hoisted(() => ({ actionId: "", userIds: [] as string[] }));

vi.mock("@/lib/notifications/plan", async (importOriginal) => {
  const real = await importOriginal<typeof Plan>();
  return {
    ...real,
    planNotifications: (input: Parameters<typeof Plan.planNotifications>[0]) => {
      const planned = real.planNotifications(input);
      const template = planned.find((row) => row.actionId === phantoms.actionId);
      if (!template) return planned;
      return [...planned, ...phantoms.userIds.map((userId) => ({ ...template, userId }))];
    },
  };
});

afterAll(() => testDb.$disconnect());

async function notifiedUsers(actionId: string): Promise<string[]> {
  const rows = await testDb.notification.findMany({ where: { actionId }, select: { userId: true }, distinct: ["userId"] });
  return rows.map((row) => row.userId).sort();
}

describe("reminders for a user deleted during the run", () => {
  it("skips a planned recipient that no longer exists and still writes the others", async () => {
    const world = await actionWorld();
    const overdue = await world.action("Overdue while its reader left", -10);
    phantoms.actionId = overdue.id;
    phantoms.userIds = [`deleted-${randomUUID()}`];
    try {
      await produceNotifications();
    } finally {
      phantoms.actionId = "";
    }
    expect(await notifiedUsers(overdue.id)).toEqual([world.users.owner.userId, world.users.retailManager.userId].sort());
  });

  it("skips a recipient whose deletion commits while the statement waits on it", async () => {
    const world = await actionWorld();
    const overdue = await world.action("Overdue, owner leaving", -10);
    const leaving = world.users.owner.userId;
    const deleter = new pg.Client({ connectionString: env().DATABASE_URL });
    await deleter.connect();
    try {
      // The deletion holds the user's row until it commits: the job's foreign-key check waits for it.
      await deleter.query("BEGIN");
      await deleter.query("DELETE FROM users WHERE id = $1", [leaving]);
      const run = produceNotifications();
      const waited = await waitForBlockedInsert();
      await deleter.query("COMMIT");
      await run;
      expect(waited).toBe(true);
    } finally {
      await deleter.query("ROLLBACK").catch(() => undefined);
      await deleter.end();
    }
    // The owner is gone (and their notifications with them); the escalation to Retail's manager stays.
    expect(await notifiedUsers(overdue.id)).toEqual([world.users.retailManager.userId]);
  });
});

/** Polled from another connection: inside a transaction, pg_stat_activity would stay as first read. */
async function waitForBlockedInsert(): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const rows = await testDb.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO notifications%' AND pid <> pg_backend_pid()`;
    if (rows[0]!.n > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
