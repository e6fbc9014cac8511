import { describe, expect, it } from "vitest";
import type { Principal } from "@/lib/permissions";
import { canCreateRule, canEditRule, canManageRuleScope, type RuleAccessTarget } from "@/lib/policies/rule-access";

// Retail → Checkout; Platform beside them. Roles spread down the tree as effectiveTeamRoles does.
function person(roles: Record<string, "VIEWER" | "MEMBER" | "REVIEWER" | "MANAGER">, isAdmin = false): Principal {
  return { userId: "u", organizationId: "o", isAdmin, teamRoles: new Map(Object.entries(roles)) };
}
const checkoutMember = person({ checkout: "MEMBER" });
const checkoutViewer = person({ checkout: "VIEWER" });
const retailManager = person({ retail: "MANAGER", checkout: "MANAGER" });
const platformManager = person({ platform: "MANAGER" });
const admin = person({}, true);

const draft = (scopeTeamId: string | null, ownerTeamId: string | null): RuleAccessTarget => ({ scopeTeamId, ownerTeamId, status: "DRAFT" });
const enforced = (scopeTeamId: string | null, ownerTeamId: string | null): RuleAccessTarget => ({ scopeTeamId, ownerTeamId, status: "ENFORCED" });

describe("who may write which rule", () => {
  it.each([
    ["a member proposes a draft for their team", checkoutMember, { status: "DRAFT", scopeTeamId: "checkout" }, true],
    ["a member proposes an org-wide draft owned by their team", checkoutMember, { status: "DRAFT", scopeTeamId: null, ownerTeamId: "checkout" }, true],
    ["a member may not enforce at once", checkoutMember, { status: "ENFORCED", scopeTeamId: "checkout" }, false],
    ["a member may not own a draft by another team", checkoutMember, { status: "DRAFT", scopeTeamId: "checkout", ownerTeamId: "platform" }, false],
    ["an org-wide draft needs an owner team", checkoutMember, { status: "DRAFT", scopeTeamId: null }, false],
    ["a viewer proposes nothing", checkoutViewer, { status: "DRAFT", scopeTeamId: "checkout" }, false],
    ["a manager enforces for the subtree", retailManager, { status: "ENFORCED", scopeTeamId: "checkout" }, true],
    ["a manager may not enforce elsewhere", platformManager, { status: "ENFORCED", scopeTeamId: "checkout" }, false],
    ["a manager may not enforce org-wide", retailManager, { status: "ENFORCED", scopeTeamId: null }, false],
    ["an admin enforces org-wide", admin, { status: "ENFORCED", scopeTeamId: null }, true],
  ] as const)("create: %s", (_, principal, input, allowed) => {
    expect(canCreateRule(principal, input)).toBe(allowed);
  });

  it.each([
    ["the owning team edits its draft", checkoutMember, draft("checkout", "checkout"), true],
    ["the owning team edits its org-wide draft", checkoutMember, draft(null, "checkout"), true],
    ["the owning team no longer edits it once enforced", checkoutMember, enforced("checkout", "checkout"), false],
    ["another team's member does not edit the draft", person({ platform: "MEMBER" }), draft("checkout", "checkout"), false],
    ["the scope's manager edits the enforced rule", retailManager, enforced("checkout", "checkout"), true],
    ["a manager above the owning team edits its org-wide draft", retailManager, draft(null, "checkout"), true],
    ["a manager elsewhere edits nothing", platformManager, enforced("checkout", "checkout"), false],
  ] as const)("edit: %s", (_, principal, rule, allowed) => {
    expect(canEditRule(principal, rule)).toBe(allowed);
  });

  it("enforcing (status) is the scope's managers' and, org-wide, the admins'", () => {
    expect(canManageRuleScope(checkoutMember, "checkout")).toBe(false);
    expect(canManageRuleScope(retailManager, "checkout")).toBe(true);
    expect(canManageRuleScope(retailManager, null)).toBe(false);
    expect(canManageRuleScope(admin, null)).toBe(true);
  });
});
