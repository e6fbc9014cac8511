"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/action";
import { createFeed, revokeFeed } from "@/lib/actions/calendar-mutations";
import {
  commentOnCorrectiveAction,
  linkToCorrectiveAction,
  bulkUpdateCorrectiveActions,
  changeCorrectiveActionStatus,
  createCorrectiveAction,
  decideWontDo,
  updateCorrectiveAction,
} from "@/lib/actions/mutations";
import { setEscalationGraceDays } from "@/lib/actions/grace-days";
import {
  bulkActionSchema,
  changeStatusSchema,
  commentSchema,
  createActionSchema,
  decideWontDoSchema,
  graceDaysSchema,
  linkSchema,
  updateActionSchema,
} from "@/lib/actions/schemas";

// Role checks live in lib/actions/mutations.ts, inside the transaction that loads the action
// (who may act depends on its team and owner): each action here names the check it relies on.
// Side effects (history, audit, events, the reminder run) live there too, so the API behaves alike.

/** action.update on the action's team (createCorrectiveAction). */
export const createCorrectiveActionAction = authedAction("createCorrectiveAction", createActionSchema, async (input, user) => {
  const saved = await createCorrectiveAction(user, input);
  revalidatePath("/actions");
  return saved;
});

/** The owner or action.update on the team (assertCanEdit); moving teams needs both teams. */
export const updateCorrectiveActionAction = authedAction("updateCorrectiveAction", updateActionSchema, async (input, user) => {
  const saved = await updateCorrectiveAction(user, input);
  revalidatePath(`/actions/${saved.id}`);
  return saved;
});

/** The status table in lib/actions/status-rules.ts (checkStatusChange). */
export const changeCorrectiveActionStatusAction = authedAction("changeCorrectiveActionStatus", changeStatusSchema, async (input, user) => {
  const saved = await changeCorrectiveActionStatus(user, input);
  revalidatePath(`/actions/${saved.id}`);
  return saved;
});

/** action.approveWontDo on the team (checkWontDoDecision). */
export const decideWontDoAction = authedAction("decideWontDo", decideWontDoSchema, async (input, user) => {
  const saved = await decideWontDo(user, input);
  revalidatePath(`/actions/${saved.id}`);
  return saved;
});

/** Anyone who can see the action may comment (loadForChange scopes it). */
export const commentOnCorrectiveActionAction = authedAction("commentOnCorrectiveAction", commentSchema, async (input, user) => {
  const comment = await commentOnCorrectiveAction(user, input);
  revalidatePath(`/actions/${input.actionId}`);
  return comment;
});

/** The owner or action.update on the team (assertCanEdit). */
export const linkToCorrectiveActionAction = authedAction("linkToCorrectiveAction", linkSchema, async (input, user) => {
  const link = await linkToCorrectiveAction(user, input);
  revalidatePath(`/actions/${input.actionId}`);
  return link;
});

/** The owner or action.update on every selected action's team (assertCanEdit per row). */
export const bulkUpdateCorrectiveActionsAction = authedAction("bulkUpdateCorrectiveActions", bulkActionSchema, async (input, user) => {
  const result = await bulkUpdateCorrectiveActions(user, input);
  revalidatePath("/actions");
  return result;
});

/** Any signed-in user, for their own feed only. */
export const createCalendarFeedAction = authedAction("createCalendarFeed", z.object({}), async (_input, user) => createFeed(user));

/** Any signed-in user, for their own feed only. */
export const revokeCalendarFeedAction = authedAction("revokeCalendarFeed", z.object({}), async (_input, user) => {
  const result = await revokeFeed(user);
  revalidatePath("/actions/calendar");
  return result;
});

/** Organization admins only (canAdminister in setEscalationGraceDays). */
export const setEscalationGraceDaysAction = authedAction("setEscalationGraceDays", graceDaysSchema, async (input, user) => {
  const result = await setEscalationGraceDays(user, input.graceDays);
  revalidatePath("/actions/escalations");
  return result;
});
