"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/action";
import { requestPolicyEvaluation } from "@/lib/jobs/policies";
import { addMissingLibraryRules, createRule, deleteRule, setRuleStatus, updateRule } from "@/lib/policies/rule-mutations";
import { createCorrectiveActionFromFinding, decideAcknowledgment, requestAcknowledgment } from "@/lib/policies/finding-mutations";
import { dryRunRule } from "@/lib/policies/queries";
import { uploadFactsCsv } from "@/lib/policies/fact-api";
import { importCatalog } from "@/lib/policies/catalog-import";
import {
  catalogImportSchema,
  createRuleSchema,
  decideAcknowledgmentSchema,
  deleteRuleSchema,
  dryRunSchema,
  findingActionSchema,
  requestAcknowledgmentSchema,
  setRuleStatusSchema,
  updateRuleSchema,
} from "@/lib/policies/schemas";

// Role checks live in the mutations (they depend on the rule's scope or the finding's team):
// each action names the check it relies on.

/** canCreateRule: drafts by the owning team's members, enforced at once by the scope's managers (createRule). */
export const createRuleAction = authedAction("createRule", createRuleSchema, async (input, user) => {
  const rule = await createRule(user, input);
  if (rule.status === "ENFORCED") await requestPolicyEvaluation({ organizationId: user.organizationId, ruleIds: [rule.id] });
  revalidatePath("/policies");
  return { id: rule.id };
});

/** Managers of the old and the new scope, or the owning team while a draft (updateRule). */
export const updateRuleAction = authedAction("updateRule", updateRuleSchema, async (input, user) => {
  const rule = await updateRule(user, input);
  await requestPolicyEvaluation({ organizationId: user.organizationId, ruleIds: [rule.id] });
  revalidatePath(`/policies/rules/${rule.id}`);
  return { id: rule.id, version: rule.version };
});

/** canManageRuleScope; enforcing an org-wide rule for a team scopes it to that team (setRuleStatus). */
export const setRuleStatusAction = authedAction(
  "setRuleStatus",
  setRuleStatusSchema.extend({ scopeTeamId: z.string().max(100).optional() }),
  async (input, user) => {
    const rule = await setRuleStatus(user, input);
    await requestPolicyEvaluation({ organizationId: user.organizationId, ruleIds: [rule.id] });
    revalidatePath("/policies");
    return { id: rule.id, version: rule.version };
  },
);

/** Whoever may edit the rule (deleteRule); its findings go with it. */
export const deleteRuleAction = authedAction("deleteRule", deleteRuleSchema, async (input, user) => {
  const deleted = await deleteRule(user, input);
  revalidatePath("/policies");
  return deleted;
});

/** Reads only: anyone in the organization. */
export const dryRunRuleAction = authedAction("dryRunRule", dryRunSchema, async (input, user) => dryRunRule(user, input));

/** policy.facts on the finding's team (requestAcknowledgment). */
export const requestAcknowledgmentAction = authedAction("requestAcknowledgment", requestAcknowledgmentSchema, async (input, user) => {
  const ack = await requestAcknowledgment(user, input);
  revalidatePath(`/policies/findings/${input.findingId}`);
  return { id: ack.id };
});

/** policy.manage on the finding's team, never one's own request (decideAcknowledgment). */
export const decideAcknowledgmentAction = authedAction("decideAcknowledgment", decideAcknowledgmentSchema, async (input, user) => {
  const ack = await decideAcknowledgment(user, input);
  revalidatePath(`/policies/findings/${ack.findingId}`);
  return { id: ack.id, status: ack.status };
});

/** action.update on the finding's team (createCorrectiveAction in lib/actions/mutations.ts). */
export const createCorrectiveActionFromFindingAction = authedAction("createCorrectiveActionFromFinding", findingActionSchema, async (input, user) => {
  const action = await createCorrectiveActionFromFinding(user, input);
  revalidatePath(`/policies/findings/${input.findingId}`);
  return { id: action.id };
});

/** policy.facts on the service's owning team (pushServiceFacts). */
export const uploadFactsCsvAction = authedAction(
  "uploadFactsCsv",
  z.object({ serviceId: z.string().min(1).max(100), csv: z.string().min(1, "Choose a CSV file.").max(1_000_000, "The file is too large (1 MB at most).") }),
  async (input, user) => {
    const result = await uploadFactsCsv(user, input.serviceId, input.csv);
    revalidatePath(`/services/${input.serviceId}`);
    return result;
  },
);

/** canAdminister (importCatalog): previews the Backstage catalog, or applies it and evaluates the services whose facts changed. */
export const importCatalogAction = authedAction("importCatalog", catalogImportSchema, async (input, user) => {
  const result = await importCatalog(user, input);
  if (result.applied) {
    if (result.changedServiceIds.length > 0) await requestPolicyEvaluation({ organizationId: user.organizationId, serviceIds: result.changedServiceIds });
    revalidatePath("/services");
    revalidatePath("/settings/teams");
  }
  return { applied: result.applied, plan: result.plan };
});

/** canAdminister (addMissingLibraryRules): adds the built-in library rules the organization lacks, disabled. */
export const addMissingLibraryRulesAction = authedAction("addMissingLibraryRules", z.object({}), async (_input, user) => {
  const added = await addMissingLibraryRules(user);
  if (added > 0) revalidatePath("/policies");
  return { added };
});
