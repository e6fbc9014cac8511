import "server-only";
import type { PolicyRuleStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type DbClient } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/db-errors";
import { emitEvent, emitEvents } from "@/lib/events/mutations";
import type { EventType } from "@/lib/events/catalog";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import type { CreateRuleInput, UpdateRuleInput } from "@/lib/policies/schemas";
import { ruleJson, ruleSelect } from "@/lib/policies/api-json";
import { visibleCoeWhere } from "@/lib/coes/access";
import { refreshComplianceSnapshots } from "@/lib/policies/compliance-snapshots";
import { libraryRevisionSummary, libraryRuleRow, RULE_LIBRARY } from "@/lib/policies/library";
import { canCreateRule, canDraftRuleFor, canManageRuleScope, ownerOf, type RuleAccessTarget } from "@/lib/policies/rule-access";
import { canAdminister } from "@/lib/permissions";
import { subtreeIds } from "@/lib/org/tree";

type RuleStatus = PolicyRuleStatus;

function assertScope(user: CurrentUser, scopeTeamId: string | null): void {
  if (!canManageRuleScope(user, scopeTeamId)) {
    throw new ForbiddenError(
      scopeTeamId === null ? "Only organization admins write rules for the whole organization: choose a team you manage." : "You do not manage that team.",
    );
  }
}

async function assertTeam(tx: DbClient, organizationId: string, teamId: string | undefined, field: string): Promise<void> {
  if (!teamId) return;
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId }, select: { id: true } });
  if (!team) throw new UserError("That team does not exist.", { [field]: ["Choose a team of your organization."] });
}

function duplicateName(error: unknown): never {
  if (isUniqueViolation(error)) throw new UserError("A rule with this name already exists.", { name: ["Choose another name: names are unique."] });
  throw error;
}

async function revise(tx: DbClient, user: CurrentUser, rule: { id: string; version: number }, summary: string, type: EventType) {
  const saved = await tx.policyRule.findUniqueOrThrow({ where: { id: rule.id }, select: ruleSelect });
  const json = ruleJson(saved);
  await tx.policyRuleRevision.create({
    data: { ruleId: rule.id, version: saved.version, changedById: user.userId, summary, snapshot: json as Prisma.InputJsonValue },
  });
  await recordAudit(tx, { organizationId: user.organizationId, actorId: user.userId, action: type, entityType: "policy_rule", entityId: rule.id, summary });
  await emitEvent(tx, { organizationId: user.organizationId, type, teamId: saved.scopeTeamId, data: json as Prisma.InputJsonValue });
  return saved;
}

/** Members propose drafts for their team (see rule-access.ts); enforcing at once needs the scope's manager. */
function assertCanCreate(user: CurrentUser, input: CreateRuleInput): void {
  if (canCreateRule(user, input)) return;
  if (input.status !== "DRAFT") assertScope(user, input.scopeTeamId ?? null);
  throw new ForbiddenError("Save it as a draft owned by a team you are on: a manager of the team it checks enforces it.");
}

function assertCanEdit(user: CurrentUser, current: RuleAccessTarget, next: { scopeTeamId: string | null; ownerTeamId: string | null }): void {
  const asManager = canManageRuleScope(user, current.scopeTeamId) && canManageRuleScope(user, next.scopeTeamId);
  const asProposer = current.status === "DRAFT" && canDraftRuleFor(user, current.ownerTeamId) && canDraftRuleFor(user, next.ownerTeamId);
  if (asManager || asProposer) return;
  if (current.status === "DRAFT" && !canManageRuleScope(user, current.scopeTeamId))
    throw new ForbiddenError("Only the team that owns this draft, or a manager of the team it checks, edits it.");
  assertScope(user, current.scopeTeamId);
  assertScope(user, next.scopeTeamId);
}

export async function createRule(user: CurrentUser, input: CreateRuleInput) {
  assertCanCreate(user, input);
  try {
    return await db.$transaction(async (tx) => {
      await assertTeam(tx, user.organizationId, input.scopeTeamId, "scopeTeamId");
      await assertTeam(tx, user.organizationId, input.ownerTeamId, "ownerTeamId");
      if (input.sourceCoeId) {
        const coe = await tx.coe.findFirst({ where: visibleCoeWhere(user, input.sourceCoeId), select: { id: true } });
        if (!coe) throw new NotFoundError("The COE");
      }
      const rule = await tx.policyRule.create({
        data: {
          organizationId: user.organizationId,
          name: input.name,
          description: input.description,
          remediation: input.remediation,
          kind: input.kind,
          severity: input.severity,
          category: input.category.toLowerCase(),
          status: input.status,
          conditions: input.conditions as Prisma.InputJsonValue,
          scopeTeamId: input.scopeTeamId ?? null,
          applicableFactKey: input.applicableFactKey ?? null,
          ownerTeamId: ownerOf(input),
          sourceCoeId: input.sourceCoeId ?? null,
          createdById: user.userId,
        },
        select: { id: true, version: true },
      });
      const saved = await revise(tx, user, rule, `Created rule “${input.name}”`, "rule.created");
      if (input.status === "ENFORCED")
        await emitEvent(tx, {
          organizationId: user.organizationId,
          type: "rule.enforced",
          teamId: saved.scopeTeamId,
          data: ruleJson(saved) as Prisma.InputJsonValue,
        });
      return saved;
    });
  } catch (error) {
    duplicateName(error);
  }
}

async function loadForChange(tx: DbClient, user: CurrentUser, ruleId: string, version: number) {
  const rule = await tx.policyRule.findFirst({ where: { id: ruleId, organizationId: user.organizationId }, select: ruleSelect });
  if (!rule) throw new NotFoundError("The rule");
  if (rule.version !== version) throw new ConflictError("Someone changed this rule since you opened it. Review their change, then edit again.", ruleJson(rule));
  return rule;
}

export async function updateRule(user: CurrentUser, input: UpdateRuleInput) {
  try {
    return await db.$transaction(async (tx) => {
      const current = await loadForChange(tx, user, input.ruleId, input.version);
      assertCanEdit(user, current, { scopeTeamId: input.scopeTeamId ?? null, ownerTeamId: input.ownerTeamId ?? current.ownerTeamId });
      await assertTeam(tx, user.organizationId, input.scopeTeamId, "scopeTeamId");
      await assertTeam(tx, user.organizationId, input.ownerTeamId, "ownerTeamId");
      const changed = await tx.policyRule.updateMany({
        where: { id: current.id, version: input.version },
        data: {
          name: input.name,
          description: input.description,
          remediation: input.remediation,
          kind: input.kind,
          severity: input.severity,
          category: input.category.toLowerCase(),
          conditions: input.conditions as Prisma.InputJsonValue,
          scopeTeamId: input.scopeTeamId ?? null,
          applicableFactKey: input.applicableFactKey ?? null,
          ownerTeamId: input.ownerTeamId ?? current.ownerTeamId,
          version: { increment: 1 },
        },
      });
      if (changed.count !== 1) throw new ConflictError("Someone changed this rule since you opened it. Review their change, then edit again.");
      return revise(tx, user, current, `Edited rule “${input.name}”`, "rule.updated");
    });
  } catch (error) {
    duplicateName(error);
  }
}

const STATUS_EVENTS: Record<RuleStatus, EventType> = { DRAFT: "rule.updated", ENFORCED: "rule.enforced", DISABLED: "rule.disabled" };
const STATUS_WORDS: Record<RuleStatus, string> = { DRAFT: "back to draft", ENFORCED: "enforced", DISABLED: "disabled" };

/**
 * Enforce, disable or send back to draft. Enforcing an organization-wide library rule is an admin's
 * call; a manager enforces it for a team they manage by passing `scopeTeamId`.
 */
export async function setRuleStatus(user: CurrentUser, input: { ruleId: string; version: number; status: RuleStatus; scopeTeamId?: string }) {
  return db.$transaction(async (tx) => {
    const current = await tx.policyRule.findFirst({ where: { id: input.ruleId, organizationId: user.organizationId }, select: ruleSelect });
    if (!current) throw new NotFoundError("The rule");
    if (current.version !== input.version)
      throw new ConflictError("Someone changed this rule since you opened it. Review their change, then try again.", ruleJson(current));
    const scopeTeamId =
      input.scopeTeamId !== undefined && current.scopeTeamId === null && current.status !== "ENFORCED" ? input.scopeTeamId : current.scopeTeamId;
    assertScope(user, scopeTeamId);
    await assertTeam(tx, user.organizationId, scopeTeamId ?? undefined, "scopeTeamId");
    const changed = await tx.policyRule.updateMany({
      where: { id: current.id, version: input.version },
      data: { status: input.status, scopeTeamId, ownerTeamId: current.ownerTeamId ?? scopeTeamId, version: { increment: 1 } },
    });
    if (changed.count !== 1) throw new ConflictError("Someone changed this rule since you opened it. Review their change, then try again.");
    return revise(tx, user, current, `Rule “${current.name}” ${STATUS_WORDS[input.status]}`, STATUS_EVENTS[input.status]);
  });
}

/**
 * Deletes a rule for good, with what only made sense with it: its findings (open, acknowledged and
 * resolved, with their history and acknowledgments) leave every list, and this week's compliance is
 * recounted without it. Corrective actions made from those findings stay: they are the team's work.
 * The revisions go too; the audit log and the rule.deleted event keep the rule as it was.
 * Who may: whoever may edit it (the scope's managers, admins org-wide, the owning team while a draft).
 * `version`, when given, must be the one the caller read.
 */
export async function deleteRule(user: CurrentUser, input: { ruleId: string; version?: number }) {
  return db.$transaction(async (tx) => {
    const current = await tx.policyRule.findFirst({ where: { id: input.ruleId, organizationId: user.organizationId }, select: ruleSelect });
    if (!current) throw new NotFoundError("The rule");
    assertCanEdit(user, current, current);
    if (input.version !== undefined && current.version !== input.version)
      throw new ConflictError("Someone changed this rule since you opened it. Review their change, then delete it if you still want to.", ruleJson(current));
    const findings = await tx.policyFinding.count({ where: { ruleId: current.id } });
    const deleted = await tx.policyRule.deleteMany({ where: { id: current.id, version: current.version } });
    if (deleted.count !== 1) throw new ConflictError("Someone changed this rule meanwhile. Review their change, then delete it if you still want to.");
    const json = ruleJson(current);
    const summary = `Deleted rule “${current.name}” and its ${findings} finding${findings === 1 ? "" : "s"}`;
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "rule.deleted",
      entityType: "policy_rule",
      entityId: current.id,
      summary,
      changes: json as Prisma.InputJsonValue,
    });
    await emitEvent(tx, { organizationId: user.organizationId, type: "rule.deleted", teamId: current.scopeTeamId, data: json as Prisma.InputJsonValue });
    // An enforced rule counted in the applicable pairs of every team it checks, not only where it failed.
    if (current.status === "ENFORCED") {
      await refreshComplianceSnapshots(tx, user.organizationId, { teamIds: await checkedTeamIds(tx, user.organizationId, current.scopeTeamId) });
    }
    return { id: current.id, findingsDeleted: findings };
  });
}

/** The teams whose services a rule checks: its scope's subtree, or every team (undefined) for an organization-wide rule. */
async function checkedTeamIds(tx: DbClient, organizationId: string, scopeTeamId: string | null): Promise<string[] | undefined> {
  if (!scopeTeamId) return undefined;
  return subtreeIds(await tx.team.findMany({ where: { organizationId }, select: { id: true, parentId: true } }), scopeTeamId);
}

/**
 * Gives an organization every built-in library rule it does not have yet, disabled until someone
 * enforces it. Runs when an organization is created; calling it again adds only entries it lacks
 * (by library key, or a rule of the same name) and never touches the rules already there.
 */
export async function ensureLibraryRules(tx: DbClient, organizationId: string, actorId: string | null): Promise<number> {
  const added = await tx.policyRule.createManyAndReturn({
    data: RULE_LIBRARY.map((entry) => ({
      ...libraryRuleRow(entry),
      conditions: entry.conditions as Prisma.InputJsonValue,
      organizationId,
      status: "DISABLED" as const,
      createdById: actorId,
    })),
    skipDuplicates: true,
    select: ruleSelect,
  });
  if (added.length === 0) return 0;
  await tx.policyRuleRevision.createMany({
    data: added.map((rule) => ({
      ruleId: rule.id,
      version: 1,
      changedById: actorId,
      summary: libraryRevisionSummary(rule),
      snapshot: { name: rule.name, conditions: rule.conditions } as Prisma.InputJsonValue,
    })),
  });
  await recordAudit(tx, {
    organizationId,
    actorId,
    action: "rule.created",
    entityType: "organization",
    entityId: organizationId,
    summary: `Added ${added.length} rules from the built-in library (disabled until enforced)`,
  });
  // Subscribers hear of each rule as of one created in the editor (and later of its rule.deleted).
  await emitEvents(
    tx,
    added.map((rule) => ({ organizationId, type: "rule.created" as const, teamId: rule.scopeTeamId, data: ruleJson(rule) as Prisma.InputJsonValue })),
  );
  return added.length;
}

/**
 * An admin gives an organization set up before the library existed (or one that deleted some of its
 * rules) the library entries it lacks, disabled like at creation. Returns how many were added.
 */
export async function addMissingLibraryRules(user: CurrentUser): Promise<number> {
  if (!canAdminister(user)) throw new ForbiddenError("Only organization admins add the built-in library rules.");
  return db.$transaction((tx) => ensureLibraryRules(tx, user.organizationId, user.userId));
}
