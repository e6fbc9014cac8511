// Escalation up a nested tree with the organization's grace periods.
import { describe, expect, it } from "vitest";
import { daysOverdue, escalationAlong, escalationChain, escalationLevel, escalationOf, graceForLevel } from "@/lib/actions/escalation";
import { ancestorIndex } from "@/lib/org/tree";

// org: retail → checkout → payments → cards (four levels); platform alone.
const teams = [
  { id: "retail", parentId: null },
  { id: "checkout", parentId: "retail" },
  { id: "payments", parentId: "checkout" },
  { id: "cards", parentId: "payments" },
  { id: "platform", parentId: null },
];
const today = new Date("2026-11-26T15:00:00Z");
const dueDaysAgo = (days: number) => new Date(Date.UTC(2026, 10, 26 - days));

describe("daysOverdue", () => {
  it.each([
    [dueDaysAgo(0), 0],
    [dueDaysAgo(1), 1],
    [dueDaysAgo(-3), -3],
    [dueDaysAgo(30), 30],
  ])("due %s → %i", (due, expected) => expect(daysOverdue(due, today)).toBe(expected));
});

describe("escalationLevel", () => {
  const cases: [number, number[], number | null][] = [
    [0, [0, 7, 14], null], // due today: not overdue yet
    [1, [0, 7, 14], 0],
    [7, [0, 7, 14], 0],
    [8, [0, 7, 14], 1],
    [14, [0, 7, 14], 1],
    [15, [0, 7, 14], 2],
    [21, [0, 7, 14], 2],
    [22, [0, 7, 14], 3], // past the last period it keeps climbing every 7 days
    [29, [0, 7, 14], 4],
    [2, [3, 10], null],
    [4, [3, 10], 0],
    [11, [3, 10], 1],
    [18, [3, 10], 2],
    [5, [], 0], // no configuration: the defaults
    [5, [14, 0, 7], 0], // unsorted configuration is sorted
  ];
  it.each(cases)("%i days overdue with %j → level %s", (overdue, grace, expected) => expect(escalationLevel(overdue, grace)).toBe(expected));
});

describe("escalationChain and escalationOf", () => {
  const cases: [string, number, string[]][] = [
    ["cards", 3, ["cards"]],
    ["cards", 10, ["cards", "payments"]],
    ["cards", 20, ["cards", "payments", "checkout"]],
    ["cards", 25, ["cards", "payments", "checkout", "retail"]],
    ["cards", 90, ["cards", "payments", "checkout", "retail"]], // capped at the top of the tree
    ["payments", 20, ["payments", "checkout", "retail"]],
    ["platform", 20, ["platform"]],
  ];
  it.each(cases)("an action of %s overdue %i days is seen by %j", (teamId, overdue, chain) => {
    const escalation = escalationOf(teams, { teamId, dueDate: dueDaysAgo(overdue), finished: false }, [0, 7, 14], today);
    expect(escalation?.chain).toEqual(chain);
    expect(escalation?.escalatedToTeamId).toBe(chain.at(-1));
    expect(escalation?.level).toBe(chain.length - 1);
    // The same answer from a precomputed ancestor chain (the reminder job's path).
    const along = escalationAlong(ancestorIndex(teams).get(teamId)!, { teamId, dueDate: dueDaysAgo(overdue), finished: false }, [0, 7, 14], today);
    expect(along).toEqual(escalation);
  });

  it("leaves finished, undated and not-yet-due actions alone", () => {
    expect(escalationOf(teams, { teamId: "cards", dueDate: dueDaysAgo(30), finished: true }, [0, 7, 14], today)).toBeNull();
    expect(escalationOf(teams, { teamId: "cards", dueDate: null, finished: false }, [0, 7, 14], today)).toBeNull();
    expect(escalationOf(teams, { teamId: "cards", dueDate: dueDaysAgo(-2), finished: false }, [0, 7, 14], today)).toBeNull();
    expect(escalationChain(teams, "cards", null)).toEqual([]);
    const cards = ancestorIndex(teams).get("cards")!;
    expect(escalationAlong(cards, { teamId: "cards", dueDate: dueDaysAgo(30), finished: true }, [0, 7, 14], today)).toBeNull();
    expect(escalationAlong(cards, { teamId: "cards", dueDate: null, finished: false }, [0, 7, 14], today)).toBeNull();
    expect(escalationAlong(cards, { teamId: "cards", dueDate: dueDaysAgo(-2), finished: false }, [0, 7, 14], today)).toBeNull();
  });
});

describe("graceForLevel", () => {
  it.each([[[0, 7, 14]], [[3, 10]], [[5]], [[0, 1, 2, 30]]])("is the inverse of escalationLevel for %j", (grace) => {
    for (let level = 0; level < 8; level += 1) {
      const threshold = graceForLevel(level, grace);
      expect(escalationLevel(threshold + 1, grace)).toBeGreaterThanOrEqual(level);
      expect(escalationLevel(threshold, grace) ?? -1).toBeLessThan(level);
    }
  });
});
