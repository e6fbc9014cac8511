// A corrective action made from a finding links both ways: the finding names its action and the
// action names its finding, the latter only for people who may read the finding.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { createCorrectiveActionFromFinding } = await import("@/lib/policies/finding-mutations");
const { getFinding } = await import("@/lib/policies/queries");
const { getActionForView } = await import("@/lib/actions/queries");
const { loadCurrentUser } = await import("@/lib/auth/principal");
const { daysFromNow, enforcedRule, openFinding, policyWorld, testDb } = await import("@/lib/policies/test-fixtures");

afterAll(() => testDb.$disconnect());

describe("finding ↔ corrective action", () => {
  it("the finding shows its action, the action shows its finding; an owner outside the team sees the action only", async () => {
    const world = await policyWorld();
    const rule = await enforcedRule(world.org.id);
    const finding = await openFinding(world, rule.id, world.cart);
    const member = (await loadCurrentUser(world.member.id))!;
    const outsider = (await loadCurrentUser(world.outsider.id))!;

    const action = await createCorrectiveActionFromFinding(member, {
      findingId: finding.id,
      ownerId: world.outsider.id,
      dueDate: daysFromNow(14).toISOString().slice(0, 10),
    });

    expect((await getFinding(member, finding.id))?.correctiveAction?.id).toBe(action.id);
    const asMember = await getActionForView(member, action.id);
    expect(asMember?.finding).toMatchObject({ id: finding.id, rule: { name: rule.name }, service: { name: world.cart.name } });

    // The owner reads the action (they own it) but not Checkout's findings: no link, no rule or service name.
    const asOwner = await getActionForView(outsider, action.id);
    expect(asOwner?.action.id).toBe(action.id);
    expect(asOwner?.finding).toBeNull();
    expect(await getFinding(outsider, finding.id)).toBeNull();
  });

  it("two people creating the action at once get one action, linked, and no stray one", async () => {
    const world = await policyWorld();
    const rule = await enforcedRule(world.org.id);
    const finding = await openFinding(world, rule.id, world.cart);
    const [member, manager] = await Promise.all([world.member, world.checkoutManager].map(async (user) => (await loadCurrentUser(user.id))!));
    const dueDate = daysFromNow(14).toISOString().slice(0, 10);
    const results = await Promise.allSettled(
      [member!, manager!].map((user) => createCorrectiveActionFromFinding(user, { findingId: finding.id, ownerId: user.userId, dueDate })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const actions = await testDb.correctiveAction.findMany({ where: { organizationId: world.org.id }, select: { id: true } });
    expect(actions).toHaveLength(1);
    expect((await testDb.policyFinding.findUniqueOrThrow({ where: { id: finding.id } })).correctiveActionId).toBe(actions[0]!.id);
  });
});
