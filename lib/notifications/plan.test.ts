// The reminder plan's "You own …" rule: an owner who created the action is not told they own it.
import { describe, expect, it } from "vitest";
import { planNotifications, type PlanAction } from "@/lib/notifications/plan";

const now = new Date("2026-12-01T09:00:00Z");
const action = (overrides: Partial<PlanAction>): PlanAction => ({
  id: "a1",
  title: "Automate renewal",
  teamId: "t1",
  ownerId: "owner",
  dueDate: null,
  createdAt: new Date("2026-11-30T09:00:00Z"),
  assignedAt: null,
  ...overrides,
});
const assigned = (input: PlanAction) =>
  planNotifications({ actions: [input], teams: [{ id: "t1", parentId: null }], graceDays: [], managersByTeam: new Map(), now }).filter(
    (row) => row.kind === "ASSIGNED",
  );

describe("ASSIGNED", () => {
  it.each([
    ["created by someone else", action({ createdById: "lead" }), 1],
    ["created by the owner", action({ createdById: "owner" }), 0],
    ["reassigned later to the owner by someone", action({ createdById: "owner", assignedAt: new Date("2026-11-30T12:00:00Z") }), 1],
  ])("%s", (_label, input, expected) => {
    expect(assigned(input)).toHaveLength(expected);
  });
});
