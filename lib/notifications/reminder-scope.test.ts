// Which actions a reminder run re-plans: everything once per UTC day or when the tree changes,
// otherwise what changed, including changes that leave no timestamp (a manager removed).
import { describe, expect, it } from "vitest";
import { ancestorIndex, type TeamNode } from "@/lib/org/tree";
import { reminderContext, reminderScope, sameReminderContext } from "@/lib/notifications/reminder-scope";

// retail → checkout → payments; platform alone.
const TEAMS: TeamNode[] = [
  { id: "retail", parentId: null },
  { id: "checkout", parentId: "retail" },
  { id: "payments", parentId: "checkout" },
  { id: "platform", parentId: null },
];

type Setup = { teams?: TeamNode[]; graceDays?: number[]; managers?: Record<string, string[]>; memberOf?: Record<string, string[]>; admins?: string[] };

function context(setup: Setup = {}) {
  const teams = setup.teams ?? TEAMS;
  const memberOf = setup.memberOf ?? { olu: ["payments"], pat: ["payments"], rita: ["retail"] };
  const managers = setup.managers ?? { payments: ["pat"], retail: ["rita"] };
  return reminderContext({
    teams,
    ancestors: ancestorIndex(teams),
    graceDays: setup.graceDays ?? [0, 7, 14],
    managersByTeam: new Map(Object.entries(managers)),
    teamsOf: new Map(Object.entries(memberOf).map(([userId, teamIds]) => [userId, new Set(teamIds)])),
    adminIds: new Set(setup.admins ?? []),
  });
}

// What the database hands back: jsonb does not keep key order.
const stored = (value: object) =>
  JSON.parse(
    JSON.stringify(value, (_key, field: unknown) =>
      field && typeof field === "object" && !Array.isArray(field) ? Object.fromEntries(Object.entries(field).reverse()) : field,
    ),
  );

const TODAY = "2026-11-26";
const ranToday = (setup: Setup = {}) => ({ fullPassDay: TODAY, context: stored(context(setup)) });

describe("reminderScope", () => {
  it.each([
    ["there is no earlier run", null, {}],
    ["the last full pass was on another UTC day", { fullPassDay: "2026-11-25", context: stored(context()) }, {}],
    ["the stored context is not understood", { fullPassDay: TODAY, context: { version: 0 } }, {}],
    ["a team moved", ranToday(), { teams: TEAMS.map((team) => (team.id === "payments" ? { ...team, parentId: "retail" } : team)) }],
    ["a team was added", ranToday(), { teams: [...TEAMS, { id: "cards", parentId: "payments" }] }],
    ["the grace days changed", ranToday(), { graceDays: [0, 3, 10] }],
  ])("re-plans everything when %s", (_why, previous, setup: Setup) => {
    expect(reminderScope(previous, context(setup), TODAY)).toEqual({ full: true });
  });

  it("re-plans only what changed when nothing else did", () => {
    expect(reminderScope(ranToday(), context(), TODAY)).toEqual({ full: false, ownerIds: [], teamIds: [] });
  });

  it("re-plans the actions of owners whose memberships or admin flag changed", () => {
    const scope = reminderScope(
      ranToday(),
      context({ memberOf: { olu: ["payments", "platform"], pat: ["payments"], rita: ["retail"], nia: ["platform"] }, admins: ["rita"] }),
      TODAY,
    );
    expect(scope).toEqual({ full: false, ownerIds: ["nia", "olu", "rita"], teamIds: [] });
  });

  it("re-plans the subtree of a team whose managers changed, also when one left (no timestamp to see)", () => {
    // A manager joins checkout: its own requests and everything below that escalates to it.
    expect(reminderScope(ranToday(), context({ managers: { payments: ["pat"], retail: ["rita"], checkout: ["cleo"] } }), TODAY)).toMatchObject({
      teamIds: ["checkout", "payments"],
    });
    // The payments manager leaves: payments now reaches the nearest manager above.
    expect(reminderScope(ranToday(), context({ managers: { retail: ["rita"] } }), TODAY)).toMatchObject({ teamIds: ["payments"] });
    // The retail manager leaves: every team under retail reached rita somewhere up the chain.
    expect(reminderScope(ranToday(), context({ managers: { payments: ["pat"] } }), TODAY)).toMatchObject({ teamIds: ["checkout", "payments", "retail"] });
  });
});

describe("sameReminderContext", () => {
  it("compares a stored context key by key", () => {
    expect(sameReminderContext(stored(context()), context())).toBe(true);
    expect(sameReminderContext(stored(context()), context({ admins: ["olu"] }))).toBe(false);
    expect(sameReminderContext(stored(context()), context({ memberOf: { olu: ["payments"] } }))).toBe(false);
    expect(sameReminderContext(null, context())).toBe(false);
  });
});
