import { describe, expect, it } from "vitest";
import { requireSeries } from "@/lib/reviews/access";
import { buildAgenda } from "@/lib/reviews/agenda-data";
import { parseIsoWeek } from "@/lib/reviews/iso-week";
import { at, reviewWorld, testDb, WEEK } from "@/lib/reviews/test-fixtures";

describe("game days on the weekly review's successes and failings", () => {
  it("lists the subtree's game days of the week (held with verdicts, under way, not held) and those planned for next week; nothing else", async () => {
    const world = await reviewWorld();
    const { payments, platform } = world.teams;
    const gameDay = (
      teamId: string,
      title: string,
      scheduledAt: string,
      verdicts: ("HELD" | "DEVIATED")[] = [],
      status: "PLANNED" | "RUNNING" | "FINISHED" | "CANCELLED" = "PLANNED",
    ) =>
      testDb.gameDay.create({
        data: {
          organizationId: world.org.id,
          teamId,
          title,
          scheduledAt: at(scheduledAt),
          durationMinutes: 60,
          status,
          experiments: {
            create: verdicts.map((verdict, position) => ({
              position,
              title: `Experiment ${position + 1}`,
              verdict,
              steadyStateHypothesis: {},
              method: [],
            })),
          },
        },
      });
    // WEEK is 2026-W48: Monday 23 to Sunday 29 November.
    const held = await gameDay(payments.id, "Gateway latency", "2026-11-24T10:00:00Z", ["HELD", "DEVIATED"], "FINISHED");
    const skipped = await gameDay(payments.id, "Wallet failover", "2026-11-26T10:00:00Z");
    const running = await gameDay(payments.id, "Disk fill", "2026-11-27T10:00:00Z", ["DEVIATED"], "RUNNING");
    const next = await gameDay(payments.id, "Refund DNS block", "2026-12-02T10:00:00Z");
    const cancelled = await gameDay(payments.id, "Called off", "2026-11-25T10:00:00Z", [], "CANCELLED");
    const lastMonth = await gameDay(payments.id, "Old drill", "2026-11-02T10:00:00Z", ["HELD"], "FINISHED");
    const otherTeam = await gameDay(platform.id, "DNS drill", "2026-11-24T10:00:00Z", ["HELD"], "FINISHED");

    const series = await requireSeries(world.users.manager, world.series.id);
    const agenda = await buildAgenda(series, parseIsoWeek(WEEK)!);
    const successes = [...agenda.items, ...agenda.deferred].find((item) => item.key === "successes")!.detail;
    if (successes.kind !== "successes") throw new Error("no successes item");
    const block = successes.sources.find((source) => source.source === "game-days")!;
    expect(block.entries.map((entry) => entry.id)).toEqual([held.id, skipped.id, running.id, next.id]);
    expect(block.entries[0]).toMatchObject({ title: "Gateway latency", href: `/game-days/${held.id}` });
    expect(block.entries[0]!.badges.map((badge) => badge.label)).toEqual(["Hypothesis held", "Deviated"]);
    expect(block.entries[0]!.meta).toContain("held Tue 24 Nov, 11:00");
    // Its slot is over and it never started: not held, and not called held.
    expect(block.entries[1]!.meta).toContain("planned for Thu 26 Nov, 11:00");
    expect(block.entries[1]!.meta).not.toContain("held");
    expect(block.entries[1]!.badges).toEqual([{ label: "Not held", tone: "amber" }]);
    expect(block.entries[2]!.meta).not.toContain("held");
    expect(block.entries[2]!.badges.map((badge) => badge.label)).toEqual(["Under way", "Deviated"]);
    expect(block.entries[3]!.badges.map((badge) => badge.label)).toEqual(["Next week"]);
    for (const hidden of [cancelled, lastMonth, otherTeam]) expect(JSON.stringify(agenda)).not.toContain(hidden.id);
  });
});
