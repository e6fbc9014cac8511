"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { changeCorrectiveActionStatus } from "@/lib/actions/mutations";
import { changeStatusSchema } from "@/lib/actions/schemas";
import {
  addCustomItem,
  addDecision,
  announceAgenda,
  createCorrectiveActionFromReview,
  createSeries,
  goToItem,
  publishReview,
  saveAgendaEdits,
  saveNote,
  setAttendance,
  startMeeting,
  submitItem,
  updateSeries,
} from "@/lib/reviews/mutations";
import {
  addCustomItemSchema,
  addDecisionSchema,
  createSeriesSchema,
  goToItemSchema,
  publishSchema,
  reviewActionSchema,
  saveAgendaSchema,
  saveNoteSchema,
  setAttendanceSchema,
  startMeetingSchema,
  submitItemSchema,
  updateSeriesSchema,
} from "@/lib/reviews/schemas";

// Role checks live in lib/reviews/mutations.ts: review.run on the series' team or a named
// organizer (canRunSeries) for every meeting change; coe.write on the series team or a team below it for submissions (requireSeriesForSubmission);
// review.run on the team to set up a series.

const weekPath = (input: { seriesId: string; isoWeek: string }) => `/reviews/${input.seriesId}/weeks/${input.isoWeek}`;

export const createSeriesAction = authedAction("createReviewSeries", createSeriesSchema, async (input, user) => {
  const series = await createSeries(user, input);
  revalidatePath("/reviews");
  return series;
});

export const updateSeriesAction = authedAction("updateReviewSeries", updateSeriesSchema, async (input, user) => {
  const series = await updateSeries(user, input);
  revalidatePath(`/reviews/${series.id}`);
  return series;
});

export const saveAgendaAction = authedAction("saveReviewAgenda", saveAgendaSchema, async (input, user) => {
  const saved = await saveAgendaEdits(user, input, input.edits);
  revalidatePath(weekPath(input));
  return saved;
});

export const addCustomItemAction = authedAction("addReviewItem", addCustomItemSchema, async (input, user) => {
  const saved = await addCustomItem(user, input, input.item);
  revalidatePath(weekPath(input));
  return saved;
});

export const submitItemAction = authedAction("submitReviewItem", submitItemSchema, async (input, user) => {
  const saved = await submitItem(user, input);
  revalidatePath(weekPath(input));
  return saved;
});

export const startMeetingAction = authedAction("startReviewMeeting", startMeetingSchema, async (input, user) => {
  const saved = await startMeeting(user, input);
  revalidatePath(weekPath(input));
  return saved;
});

export const goToItemAction = authedAction("openReviewItem", goToItemSchema, async (input, user) => goToItem(user, input));

export const saveNoteAction = authedAction("saveReviewNote", saveNoteSchema, async (input, user) => saveNote(user, input));

export const addDecisionAction = authedAction("addReviewDecision", addDecisionSchema, async (input, user) => addDecision(user, input));

export const setAttendanceAction = authedAction("setReviewAttendance", setAttendanceSchema, async (input, user) => setAttendance(user, input));

export const createCorrectiveActionFromReviewAction = authedAction("createCorrectiveActionFromReview", reviewActionSchema, async (input, user) => {
  const saved = await createCorrectiveActionFromReview(user, input);
  revalidatePath("/actions");
  return saved;
});

/** Quick status updates from the meeting view: the actions domain's own rules (checkStatusChange). */
export const changeCorrectiveActionStatusInReviewAction = authedAction("changeCorrectiveActionStatusInReview", changeStatusSchema, async (input, user) =>
  changeCorrectiveActionStatus(user, input),
);

export const publishReviewAction = authedAction("publishReview", publishSchema, async (input, user) => {
  const saved = await publishReview(user, input);
  revalidatePath(weekPath(input));
  revalidatePath(`/reviews/${input.seriesId}`);
  return saved;
});

export const announceAgendaAction = authedAction("announceReviewAgenda", publishSchema, async (input, user) => {
  const saved = await announceAgenda(user, input);
  revalidatePath(weekPath(input));
  return saved;
});
