import { describe, expect, it } from "vitest";
import {
  CAPABILITIES,
  TEAM_ROLES,
  can,
  canOwnActions,
  canPullCord,
  effectiveTeamRoles,
  roleAllows,
  teamsWith,
  type Capability,
  type Principal,
} from "@/lib/permissions";
import { type TeamRole } from "@/lib/generated/prisma/enums";

// The expected matrix, written out cell by cell so a change to the real one must be made twice.
const EXPECTED: Record<Capability, Record<TeamRole, boolean>> = {
  "team.view": { VIEWER: true, MEMBER: true, REVIEWER: true, MANAGER: true },
  "coe.write": { VIEWER: false, MEMBER: true, REVIEWER: true, MANAGER: true },
  "coe.review": { VIEWER: false, MEMBER: false, REVIEWER: true, MANAGER: true },
  "action.update": { VIEWER: false, MEMBER: true, REVIEWER: true, MANAGER: true },
  "action.verify": { VIEWER: false, MEMBER: false, REVIEWER: true, MANAGER: true },
  "action.approveWontDo": { VIEWER: false, MEMBER: false, REVIEWER: false, MANAGER: true },
  "metric.define": { VIEWER: false, MEMBER: false, REVIEWER: false, MANAGER: true },
  "metric.record": { VIEWER: false, MEMBER: true, REVIEWER: true, MANAGER: true },
  "review.run": { VIEWER: false, MEMBER: false, REVIEWER: false, MANAGER: true },
  "team.escalations": { VIEWER: false, MEMBER: false, REVIEWER: false, MANAGER: true },
  "cord.resolve": { VIEWER: false, MEMBER: true, REVIEWER: true, MANAGER: true },
  "cord.override": { VIEWER: false, MEMBER: false, REVIEWER: false, MANAGER: true },
  "verification.record": { VIEWER: false, MEMBER: true, REVIEWER: true, MANAGER: true },
  "verification.configure": { VIEWER: false, MEMBER: false, REVIEWER: false, MANAGER: true },
  "policy.facts": { VIEWER: false, MEMBER: true, REVIEWER: true, MANAGER: true },
  "policy.manage": { VIEWER: false, MEMBER: false, REVIEWER: false, MANAGER: true },
  "webhook.manage": { VIEWER: false, MEMBER: false, REVIEWER: false, MANAGER: true },
};

describe("role × capability matrix", () => {
  it("lists every capability in the expectation", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CAPABILITIES].sort());
  });

  const cells = CAPABILITIES.flatMap((capability) => TEAM_ROLES.map((role) => [role, capability, EXPECTED[capability][role]] as const));
  it.each(cells)("%s may %s: %s", (role, capability, allowed) => {
    expect(roleAllows(role, capability)).toBe(allowed);
  });
});

// root ─ platform ─ storage
//      └ payments
const TEAMS = [
  { id: "root", parentId: null },
  { id: "platform", parentId: "root" },
  { id: "storage", parentId: "platform" },
  { id: "payments", parentId: "root" },
];

function principal(memberships: { teamId: string; role: TeamRole }[], isAdmin = false): Principal {
  return { userId: "u", organizationId: "o", isAdmin, teamRoles: effectiveTeamRoles(TEAMS, memberships) };
}

describe("roles spread down the tree", () => {
  it.each([
    { memberships: [{ teamId: "platform", role: "MANAGER" as const }], team: "storage", expected: "MANAGER" },
    { memberships: [{ teamId: "platform", role: "MANAGER" as const }], team: "payments", expected: undefined },
    { memberships: [{ teamId: "platform", role: "MANAGER" as const }], team: "root", expected: undefined },
    {
      memberships: [
        { teamId: "root", role: "VIEWER" as const },
        { teamId: "storage", role: "REVIEWER" as const },
      ],
      team: "storage",
      expected: "REVIEWER",
    },
    {
      memberships: [
        { teamId: "root", role: "MANAGER" as const },
        { teamId: "storage", role: "VIEWER" as const },
      ],
      team: "storage",
      expected: "MANAGER",
    },
  ])("$memberships.0.role on $memberships.0.teamId → $expected on $team", ({ memberships, team, expected }) => {
    expect(principal(memberships).teamRoles.get(team)).toBe(expected);
  });

  it("a manager of a team manages its subtree and nothing else", () => {
    const manager = principal([{ teamId: "platform", role: "MANAGER" }]);
    expect(can(manager, "review.run", "storage")).toBe(true);
    expect(can(manager, "team.view", "payments")).toBe(false);
    expect(teamsWith(manager, "review.run")).toEqual(["platform", "storage"]);
  });

  it("an admin may do everything everywhere", () => {
    const admin = principal([], true);
    expect(can(admin, "action.approveWontDo", "payments")).toBe(true);
    expect(teamsWith(admin, "team.view")).toBe("all");
  });

  it("a user with no membership may do nothing on any team", () => {
    const nobody = principal([]);
    for (const capability of CAPABILITIES) expect(can(nobody, capability, "root")).toBe(false);
  });
});

describe("the Andon cord", () => {
  it("anyone in the organization may pull it, with no role on any team", () => {
    expect(canPullCord(principal([]))).toBe(true);
    expect(canPullCord(principal([{ teamId: "payments", role: "VIEWER" }]))).toBe(true);
  });

  it("a member of the owning subtree resolves; only its manager overrides", () => {
    const member = principal([{ teamId: "platform", role: "MEMBER" }]);
    expect(can(member, "cord.resolve", "storage")).toBe(true);
    expect(can(member, "cord.resolve", "payments")).toBe(false);
    expect(can(member, "cord.override", "storage")).toBe(false);
    expect(can(principal([{ teamId: "platform", role: "MANAGER" }]), "cord.override", "storage")).toBe(true);
    expect(can(principal([{ teamId: "storage", role: "VIEWER" }]), "cord.resolve", "storage")).toBe(false);
  });
});

describe("owning corrective actions", () => {
  it.each([
    { who: "a viewer", memberships: [{ teamId: "platform", role: "VIEWER" as const }], isAdmin: false, expected: false },
    {
      who: "a viewer of two teams",
      memberships: [
        { teamId: "platform", role: "VIEWER" as const },
        { teamId: "payments", role: "VIEWER" as const },
      ],
      isAdmin: false,
      expected: false,
    },
    { who: "nobody's member", memberships: [], isAdmin: false, expected: false },
    { who: "a member", memberships: [{ teamId: "storage", role: "MEMBER" as const }], isAdmin: false, expected: true },
    {
      who: "a viewer here and a member there",
      memberships: [
        { teamId: "platform", role: "VIEWER" as const },
        { teamId: "payments", role: "MEMBER" as const },
      ],
      isAdmin: false,
      expected: true,
    },
    { who: "an admin", memberships: [], isAdmin: true, expected: true },
  ])("$who: $expected", ({ memberships, isAdmin, expected }) => {
    expect(canOwnActions(principal(memberships, isAdmin))).toBe(expected);
  });
});
