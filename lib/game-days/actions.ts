"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import {
  abortExperiment,
  addExperiment,
  appendLog,
  createCorrectiveActionFromRun,
  createGameDay,
  giveVerdict,
  importJournal,
  moveGameDay,
  tickStep,
  verifyActionByRun,
} from "@/lib/game-days/mutations";
import {
  abortExperimentSchema,
  actionFromRunSchema,
  addExperimentSchema,
  appendLogSchema,
  createGameDaySchema,
  gameDayVersionSchema,
  importJournalSchema,
  tickStepSchema,
  verdictSchema,
  verifyActionByRunSchema,
} from "@/lib/game-days/schemas";

// Role checks live in lib/game-days/mutations.ts (assertCanRun: verification.record on the game day's team).

const refresh = (gameDayId: string) => {
  revalidatePath(`/game-days/${gameDayId}`);
  revalidatePath(`/game-days/${gameDayId}/run`);
};

export const createGameDayAction = authedAction("createGameDay", createGameDaySchema, async (input, user) => {
  const saved = await createGameDay(user, input);
  revalidatePath("/game-days");
  return saved;
});

export const addExperimentAction = authedAction("addExperiment", addExperimentSchema, async (input, user) => {
  const saved = await addExperiment(user, input);
  refresh(saved.gameDayId);
  return saved;
});

export const startGameDayAction = authedAction("startGameDay", gameDayVersionSchema, async (input, user) => {
  const saved = await moveGameDay(user, input, "RUNNING");
  refresh(input.gameDayId);
  return saved;
});

export const finishGameDayAction = authedAction("finishGameDay", gameDayVersionSchema, async (input, user) => {
  const saved = await moveGameDay(user, input, "FINISHED");
  refresh(input.gameDayId);
  return saved;
});

export const appendLogAction = authedAction("appendGameDayLog", appendLogSchema, async (input, user) => appendLog(user, input));

export const tickStepAction = authedAction("tickGameDayStep", tickStepSchema, async (input, user) => tickStep(user, input));

export const abortExperimentAction = authedAction("abortExperiment", abortExperimentSchema, async (input, user) => abortExperiment(user, input));

export const verdictAction = authedAction("giveExperimentVerdict", verdictSchema, async (input, user) => giveVerdict(user, input));

export const importJournalAction = authedAction("importJournal", importJournalSchema, async (input, user) => {
  const saved = await importJournal(user, input);
  refresh(input.gameDayId);
  revalidatePath("/verification");
  return saved;
});

export const createCorrectiveActionFromRunAction = authedAction("createCorrectiveActionFromRun", actionFromRunSchema, async (input, user) => {
  const saved = await createCorrectiveActionFromRun(user, input);
  revalidatePath("/actions");
  return saved;
});

export const verifyActionByRunAction = authedAction("verifyActionByRun", verifyActionByRunSchema, async (input, user) => {
  const saved = await verifyActionByRun(user, input);
  revalidatePath(`/actions/${input.actionId}`);
  return saved;
});
