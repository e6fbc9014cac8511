// The COE page's "recurrence of #…" (lib/learnings/queries.ts recurrencesOf) and the metrics page's
// recurrence list (lib/metrics recurrences) run one rule: over a hand-built set of COEs both agree
// with each other, with isRecurrence, and with the pairs worked out by hand below.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/principal";
import { isRecurrence } from "@/lib/learnings/recurrence";
import { recurrencesOf } from "@/lib/learnings/queries";
import { recurrences } from "@/lib/metrics/incident-breakdowns";
import { windowsEndingAt } from "@/lib/metrics/incident-queries";
import { createCategory, createCoe, daysAgo, type CoeSpec } from "@/lib/metrics/test-data";
import { createScriptClient } from "@/prisma/seed/client";
import { createOrganization, createService, createTeam, createUser } from "@/prisma/seed/factories";

const db = createScriptClient(env().DATABASE_URL);
afterAll(() => db.$disconnect());

const NOW = new Date("2026-06-17T12:00:00Z");
const DAY = 86_400_000;

type Built = CoeSpec & { id: string; name: string };
let coes: Built[];
let reader: CurrentUser;
let scope: { organizationId: string; teamIds: string[] };
const nameOf = (id: string) => coes.find((coe) => coe.id === id)!.name;

beforeAll(async () => {
  const org = await createOrganization(db);
  const team = await createTeam(db, org.id, { name: "Checkout" });
  const storage = await createTeam(db, org.id, { name: "Storage" });
  const api = await createService(db, org.id, team.id, { name: `api-${org.id}` });
  const web = await createService(db, org.id, team.id, { name: `web-${org.id}` });
  const dns = await createCategory(db, org.id, "DNS");
  const config = await createCategory(db, org.id, "Configuration drift");
  // Start (days ago) and approval (days after start), by hand:
  // All Checkout's but S and R, which are Storage's (outside the metrics scope):
  //   A api DNS      500, +1   approved 499 ago: 249 days before B started, too long ago for B
  //   B api DNS      250, +10  approved 240 ago: C (100 ago) recurs it, 140 days later
  //   S api cfg      150, +1   Storage's, not restricted: C and D (cfg) recur it on both pages
  //   C api DNS+cfg  100, +1   approved  99 ago: D (cfg), I and G (DNS) recur it
  //   D api cfg       60, +1   recurs S and C; metrics pairs it with C, the later approval
  //   E web DNS       50, +1   no earlier COE on web
  //   F api DNS       20, in review: never an earlier COE, and not counted by metrics
  //   I api DNS       12, +10  approved 2 ago, after G started: G does not recur I
  //   R api DNS        8, +1   Storage's and restricted: Checkout's reader cannot see it, so neither page pairs G with it
  //   G api DNS        5, +1
  const specs: [string, Omit<CoeSpec, "teamId"> & { teamId?: string }][] = [
    ["A", { startedAt: daysAgo(NOW, 500), serviceIds: [api.id], categoryIds: [dns.id] }],
    ["B", { startedAt: daysAgo(NOW, 250), approveDays: 10, serviceIds: [api.id], categoryIds: [dns.id] }],
    ["S", { startedAt: daysAgo(NOW, 150), serviceIds: [api.id], categoryIds: [config.id], teamId: storage.id }],
    ["C", { startedAt: daysAgo(NOW, 100), serviceIds: [api.id], categoryIds: [dns.id, config.id] }],
    ["D", { startedAt: daysAgo(NOW, 60), serviceIds: [api.id], categoryIds: [config.id] }],
    ["E", { startedAt: daysAgo(NOW, 50), serviceIds: [web.id], categoryIds: [dns.id] }],
    ["F", { startedAt: daysAgo(NOW, 20), status: "IN_REVIEW", serviceIds: [api.id], categoryIds: [dns.id] }],
    ["I", { startedAt: daysAgo(NOW, 12), approveDays: 10, serviceIds: [api.id], categoryIds: [dns.id] }],
    ["R", { startedAt: daysAgo(NOW, 8), serviceIds: [api.id], categoryIds: [dns.id], teamId: storage.id, restricted: true }],
    ["G", { startedAt: daysAgo(NOW, 5), serviceIds: [api.id], categoryIds: [dns.id] }],
  ];
  coes = [];
  for (const [name, spec] of specs) {
    const full = { teamId: team.id, ...spec, title: `COE ${name}` };
    coes.push({ ...full, id: (await createCoe(db, org.id, full)).id, name });
  }
  const viewer = await createUser(db, org.id, { memberships: [{ teamId: team.id, role: "VIEWER" }], passwordHash: "x" });
  reader = (await loadCurrentUser(viewer.id))!;
  scope = { organizationId: org.id, teamIds: [team.id] };
});

const approvedAt = (coe: Built) =>
  coe.status === "IN_REVIEW" || coe.status === "DRAFT" ? null : new Date(coe.startedAt.getTime() + (coe.approveDays ?? 1) * DAY);

/** What isRecurrence says each COE recurs among those Checkout's reader may open, by name. */
function expectedByRule(subject: Built): string[] {
  const visible = (coe: Built) => coe.teamId === subject.teamId || !coe.restricted;
  const asSubject = {
    serviceIds: subject.serviceIds ?? [],
    categoryIds: subject.categoryIds ?? [],
    startedAt: subject.startedAt,
    createdAt: subject.startedAt,
  };
  return coes
    .filter((earlier) => earlier.id !== subject.id && visible(earlier))
    .filter((earlier) =>
      isRecurrence(asSubject, { serviceIds: earlier.serviceIds ?? [], categoryIds: earlier.categoryIds ?? [], approvedAt: approvedAt(earlier) }),
    )
    .map((earlier) => earlier.name)
    .sort();
}

describe("the recurrence rule, on the COE page and on the metrics page", () => {
  it("flags the same pairs in both places, as worked out by hand", async () => {
    const names = (ids: string[]) => ids.map(nameOf).sort();
    const byHand: Record<string, string[]> = { A: [], B: [], S: [], C: ["B", "S"], D: ["C", "S"], E: [], F: ["C"], I: ["C"], G: ["C"] };
    // The COE page runs for a COE its reader opened: R is not one of them.
    for (const coe of coes.filter((entry) => entry.name !== "R")) {
      expect(expectedByRule(coe), `rule for ${coe.name}`).toEqual(byHand[coe.name]);
      const flagged = await recurrencesOf(reader, coe.id);
      expect(names(flagged.map((entry) => entry.coeId)), `COE page for ${coe.name}`).toEqual(byHand[coe.name]);
    }

    // The metrics list: the approved COEs started in the year, each paired with what it recurs.
    const rows = await recurrences(scope, windowsEndingAt(NOW, 365));
    expect(rows.map((row) => [nameOf(row.coeId), nameOf(row.earlierCoeId), row.categoryName])).toEqual([
      ["G", "C", "DNS"],
      ["I", "C", "DNS"],
      ["D", "C", "Configuration drift"],
      ["C", "S", "Configuration drift"],
      ["C", "B", "DNS"],
    ]);
    // G started 5 days ago; C was approved 99 days ago.
    expect(Math.round(rows[0]!.daysApart)).toBe(94);
    for (const row of rows) {
      expect((await recurrencesOf(reader, row.coeId)).map((entry) => entry.coeId)).toContain(row.earlierCoeId);
    }
  });
});
