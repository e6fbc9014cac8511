import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db } from "@/lib/db";
import { lockForTransaction } from "@/lib/db-lock";
import { recordAudit } from "@/lib/audit/record";
import { emitEvent } from "@/lib/events/mutations";
import { ConflictError, NotFoundError, UserError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/principal";
import type { ExperimentVerdict, Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions";
import { visibleCoeWhere } from "@/lib/coes/access";
import { changeCorrectiveActionStatus, createCorrectiveAction } from "@/lib/actions/mutations";
import { recordVerificationFromRun } from "@/lib/verification/mutations";
import { assertCanRecord } from "@/lib/verification/access";
import { assertCanRun, visibleGameDaysWhere } from "@/lib/game-days/access";
import { parseJournal } from "@/lib/game-days/chaos-toolkit";
import { commandLines, findTemplate, renderTemplate } from "@/lib/game-days/templates";
import type {
  abortExperimentSchema,
  actionFromRunSchema,
  addExperimentSchema,
  appendLogSchema,
  createGameDaySchema,
  importJournalSchema,
  tickStepSchema,
  verdictSchema,
  verifyActionByRunSchema,
} from "@/lib/game-days/schemas";

/**
 * The one write path for game days, their experiments, runs and log. A run is recorded once per
 * experiment and journal (its hash is the idempotency key); a run whose hypothesis held verifies the
 * experiment's service in its dimension through lib/verification, in the same transaction.
 */
type Tx = Prisma.TransactionClient;

async function loadGameDay(tx: Tx, user: CurrentUser, gameDayId: string) {
  const gameDay = await tx.gameDay.findFirst({
    where: { AND: [{ id: gameDayId }, visibleGameDaysWhere(user)] },
    select: { id: true, organizationId: true, teamId: true, title: true, status: true, version: true, scheduledAt: true },
  });
  if (!gameDay) throw new NotFoundError("The game day");
  return gameDay;
}

async function loadExperiment(tx: Tx, user: CurrentUser, experimentId: string) {
  const experiment = await tx.gameDayExperiment.findFirst({
    where: { id: experimentId, gameDay: visibleGameDaysWhere(user) },
    select: {
      id: true,
      title: true,
      serviceId: true,
      dimensionId: true,
      rollbacks: true,
      checkedSteps: true,
      verdict: true,
      gameDay: { select: { id: true, organizationId: true, teamId: true, title: true, status: true } },
    },
  });
  if (!experiment) throw new NotFoundError("The experiment");
  return experiment;
}

async function log(tx: Tx, entry: { gameDayId: string; experimentId?: string | null; authorId: string | null; kind: string; body: string }) {
  return tx.gameDayLogEntry.create({ data: { ...entry, experimentId: entry.experimentId ?? null }, select: { id: true, createdAt: true } });
}

/** `at` is where the experiment sits in the input ("experiment." when planned with its game day), for the field errors. */
async function experimentData(tx: Tx, user: CurrentUser, input: Omit<z.output<typeof addExperimentSchema>, "gameDayId">, at = "") {
  const template = findTemplate(input.templateKey);
  if (!template) throw new UserError("Choose a template.", { [`${at}templateKey`]: ["Choose a template."] });
  const rendered = renderTemplate(template, input.parameters);
  if (!rendered.ok) {
    throw new UserError(
      "Some parameters are not valid.",
      Object.fromEntries(Object.entries(rendered.fieldErrors).map(([key, messages]) => [`${at}${key}`, messages])),
    );
  }
  const [service, dimension, coe] = await Promise.all([
    input.serviceId ? tx.service.findFirst({ where: { id: input.serviceId, organizationId: user.organizationId }, select: { id: true, teamId: true } }) : null,
    input.dimensionId
      ? tx.verificationDimension.findFirst({ where: { id: input.dimensionId, organizationId: user.organizationId }, select: { id: true } })
      : tx.verificationDimension.findFirst({ where: { organizationId: user.organizationId, key: template.dimensionKey }, select: { id: true } }),
    input.sourceCoeId ? tx.coe.findFirst({ where: visibleCoeWhere(user, input.sourceCoeId), select: { id: true } }) : null,
  ]);
  if (input.serviceId && !service)
    throw new UserError("Choose a service of your organization.", { [`${at}serviceId`]: ["Choose a service of your organization."] });
  // A held run verifies this service: only who may record its verifications may aim an experiment at it.
  if (service) assertCanRecord(user, service.teamId);
  if (input.dimensionId && !dimension) throw new UserError("Choose a dimension.", { [`${at}dimensionId`]: ["Choose a dimension."] });
  if (input.sourceCoeId && !coe) throw new NotFoundError("The COE");
  return {
    title: input.title || template.title,
    description: input.description || template.description,
    templateKey: template.key,
    parameters: rendered.parameters,
    // Plain JSON of the Chaos Toolkit format (the template types are narrower than Prisma's JSON input type).
    steadyStateHypothesis: rendered.experiment.steadyStateHypothesis as unknown as Prisma.InputJsonValue,
    method: rendered.experiment.method as unknown as Prisma.InputJsonValue,
    rollbacks: rendered.experiment.rollbacks as unknown as Prisma.InputJsonValue,
    blastRadius: input.blastRadius || template.blastRadius,
    abortConditions: input.abortConditions || "The health check fails for more than a minute, or customers notice.",
    expectedOutcome: input.expectedOutcome,
    serviceId: service?.id ?? null,
    dimensionId: dimension?.id ?? null,
    sourceCoeId: coe?.id ?? null,
  } satisfies Omit<Prisma.GameDayExperimentUncheckedCreateInput, "gameDayId">;
}

function gameDayEventJson(gameDay: { id: string; title: string; teamId: string; scheduledAt: Date; status: string }) {
  return { id: gameDay.id, title: gameDay.title, teamId: gameDay.teamId, scheduledAt: gameDay.scheduledAt.toISOString(), status: gameDay.status };
}

export async function createGameDay(user: CurrentUser, input: z.output<typeof createGameDaySchema>) {
  return db.$transaction(async (tx) => {
    const team = await tx.team.findFirst({ where: { id: input.teamId, organizationId: user.organizationId }, select: { id: true } });
    if (!team) throw new UserError("Choose a team.", { teamId: ["Choose a team."] });
    assertCanRun(user, team.id);
    const people = [...new Set([...(input.facilitatorId ? [input.facilitatorId] : []), ...input.participantIds])];
    const [services, users] = await Promise.all([
      tx.service.findMany({ where: { id: { in: input.serviceIds }, organizationId: user.organizationId }, select: { id: true, teamId: true } }),
      tx.user.findMany({ where: { id: { in: people }, organizationId: user.organizationId, deactivatedAt: null }, select: { id: true } }),
    ]);
    if (services.length !== new Set(input.serviceIds).size) throw new UserError("Choose services of your organization.", { serviceIds: ["Unknown service."] });
    // The first experiment defaults to the first service in scope, and a held run verifies it.
    for (const service of services) assertCanRecord(user, service.teamId);
    if (users.length !== people.length) throw new UserError("Choose active people of your organization.", { participantIds: ["Unknown person."] });
    const experiment = input.experiment ? await experimentData(tx, user, input.experiment, "experiment.") : null;
    const gameDay = await tx.gameDay.create({
      data: {
        organizationId: user.organizationId,
        teamId: team.id,
        title: input.title,
        description: input.description,
        scheduledAt: new Date(input.scheduledAt),
        durationMinutes: input.durationMinutes,
        environment: input.environment,
        facilitatorId: input.facilitatorId ?? user.userId,
        createdById: user.userId,
        services: { create: services.map((service) => ({ serviceId: service.id })) },
        participants: { create: [...new Set([user.userId, ...input.participantIds])].map((userId) => ({ userId })) },
        ...(experiment ? { experiments: { create: [{ ...experiment, serviceId: experiment.serviceId ?? services[0]?.id ?? null }] } } : {}),
      },
      select: { id: true, title: true, teamId: true, scheduledAt: true, status: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "game_day.planned",
      entityType: "game_day",
      entityId: gameDay.id,
      summary: `Planned game day “${gameDay.title}”`,
    });
    await emitEvent(tx, { organizationId: user.organizationId, type: "game_day.planned", teamId: gameDay.teamId, data: gameDayEventJson(gameDay) });
    return { id: gameDay.id };
  });
}

export async function addExperiment(user: CurrentUser, input: z.output<typeof addExperimentSchema>) {
  return db.$transaction(async (tx) => {
    const gameDay = await loadGameDay(tx, user, input.gameDayId);
    assertCanRun(user, gameDay.teamId);
    const { gameDayId: _gameDayId, ...fields } = input;
    const data = await experimentData(tx, user, fields);
    const last = await tx.gameDayExperiment.aggregate({ where: { gameDayId: gameDay.id }, _max: { position: true } });
    const experiment = await tx.gameDayExperiment.create({
      data: { ...data, gameDayId: gameDay.id, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
    await bumpGameDay(tx, gameDay.id);
    return { id: experiment.id, gameDayId: gameDay.id };
  });
}

async function bumpGameDay(tx: Tx, gameDayId: string, data: Prisma.GameDayUncheckedUpdateInput = {}) {
  await tx.gameDay.update({ where: { id: gameDayId }, data: { ...data, version: { increment: 1 } } });
}

/** Starts (PLANNED → RUNNING) or finishes (RUNNING → FINISHED) a game day; a stale version is a 409. */
export async function moveGameDay(user: CurrentUser, input: { gameDayId: string; version: number }, to: "RUNNING" | "FINISHED") {
  return db.$transaction(async (tx) => {
    const gameDay = await loadGameDay(tx, user, input.gameDayId);
    assertCanRun(user, gameDay.teamId);
    const from = to === "RUNNING" ? "PLANNED" : "RUNNING";
    if (gameDay.status !== from) throw new UserError(to === "RUNNING" ? "This game day has already started." : "Only a running game day can finish.");
    const now = new Date();
    const { count } = await tx.gameDay.updateMany({
      where: { id: gameDay.id, version: input.version },
      data: { status: to, ...(to === "RUNNING" ? { startedAt: now } : { endedAt: now }), version: { increment: 1 } },
    });
    if (count !== 1)
      throw new ConflictError("Someone else changed this game day. Reload, then try again.", { version: gameDay.version, status: gameDay.status });
    await log(tx, {
      gameDayId: gameDay.id,
      authorId: user.userId,
      kind: to === "RUNNING" ? "started" : "finished",
      body: to === "RUNNING" ? "Game day started." : "Game day finished.",
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: to === "RUNNING" ? "game_day.started" : "game_day.finished",
      entityType: "game_day",
      entityId: gameDay.id,
      summary: `${to === "RUNNING" ? "Started" : "Finished"} game day “${gameDay.title}”`,
    });
    await emitEvent(tx, {
      organizationId: user.organizationId,
      type: to === "RUNNING" ? "game_day.started" : "game_day.finished",
      teamId: gameDay.teamId,
      data: gameDayEventJson({ ...gameDay, status: to }),
    });
    return { id: gameDay.id, version: input.version + 1, status: to };
  });
}

/** Anyone who may run the game day appends a line to its log; each line is saved on its own. */
export async function appendLog(user: CurrentUser, input: z.output<typeof appendLogSchema>) {
  return db.$transaction(async (tx) => {
    const gameDay = await loadGameDay(tx, user, input.gameDayId);
    assertCanRun(user, gameDay.teamId);
    if (input.experimentId) {
      const experiment = await tx.gameDayExperiment.findFirst({ where: { id: input.experimentId, gameDayId: gameDay.id }, select: { id: true } });
      if (!experiment) throw new NotFoundError("The experiment");
    }
    const entry = await log(tx, { gameDayId: gameDay.id, experimentId: input.experimentId, authorId: user.userId, kind: "note", body: input.body });
    return { id: entry.id.toString(), createdAt: entry.createdAt.toISOString() };
  });
}

export async function tickStep(user: CurrentUser, input: z.output<typeof tickStepSchema>) {
  return db.$transaction(async (tx) => {
    const experiment = await loadExperiment(tx, user, input.experimentId);
    assertCanRun(user, experiment.gameDay.teamId);
    const steps = new Set(experiment.checkedSteps);
    if (input.checked) steps.add(input.step);
    else steps.delete(input.step);
    await tx.gameDayExperiment.update({ where: { id: experiment.id }, data: { checkedSteps: [...steps].sort((a, b) => a - b), version: { increment: 1 } } });
    await log(tx, {
      gameDayId: experiment.gameDay.id,
      experimentId: experiment.id,
      authorId: user.userId,
      kind: "step",
      body: `${input.checked ? "Done" : "Undone"}: step ${input.step + 1} of “${experiment.title}”`,
    });
    return { checkedSteps: [...steps] };
  });
}

type RunInput = {
  source: "JOURNAL" | "RUN_MODE";
  idempotencyKey: string;
  status: string;
  deviated: boolean;
  verdict: ExperimentVerdict;
  startedAt: Date | null;
  endedAt: Date | null;
  activities: Prisma.InputJsonValue;
  raw?: Prisma.InputJsonValue;
  chaosVersion?: string | null;
  summary: string;
};

/** Records a run once (per experiment and key), sets the experiment's verdict, and verifies the service when it held. */
async function recordRun(tx: Tx, user: CurrentUser, experiment: Awaited<ReturnType<typeof loadExperiment>>, run: RunInput) {
  // The same journal sent twice at once (a retrying pipeline): the second waits here, then finds the
  // first run and answers it as a duplicate instead of failing on the unique key.
  await lockForTransaction(tx, `game-day-run:${experiment.id}:${run.idempotencyKey}`);
  const existing = await tx.gameDayRun.findUnique({
    where: { experimentId_idempotencyKey: { experimentId: experiment.id, idempotencyKey: run.idempotencyKey } },
    select: { id: true, verdict: true },
  });
  if (existing) return { runId: existing.id, verdict: existing.verdict, duplicate: true, verificationRecorded: false };
  const created = await tx.gameDayRun.create({
    data: {
      organizationId: experiment.gameDay.organizationId,
      gameDayId: experiment.gameDay.id,
      experimentId: experiment.id,
      source: run.source,
      idempotencyKey: run.idempotencyKey,
      status: run.status,
      deviated: run.deviated,
      verdict: run.verdict,
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      activities: run.activities,
      raw: run.raw,
      chaosVersion: run.chaosVersion ?? null,
      recordedById: user.userId,
    },
    select: { id: true, createdAt: true },
  });
  await tx.gameDayExperiment.update({ where: { id: experiment.id }, data: { verdict: run.verdict, verdictAt: new Date(), version: { increment: 1 } } });
  await log(tx, { gameDayId: experiment.gameDay.id, experimentId: experiment.id, authorId: user.userId, kind: "verdict", body: run.summary });
  let verificationRecorded = false;
  if (run.verdict === "HELD" && experiment.serviceId && experiment.dimensionId) {
    const result = await recordVerificationFromRun(tx, {
      id: created.id,
      organizationId: experiment.gameDay.organizationId,
      serviceId: experiment.serviceId,
      dimensionId: experiment.dimensionId,
      performedAt: run.endedAt ?? run.startedAt ?? created.createdAt,
      verifier: user,
      evidence: `Game day “${experiment.gameDay.title}”, experiment “${experiment.title}”: the steady-state hypothesis held (${run.source === "JOURNAL" ? "Chaos Toolkit journal" : "run mode"}).\n\n[The run](/game-days/${experiment.gameDay.id}#run-${created.id})`,
    });
    verificationRecorded = result.recorded;
  }
  await recordAudit(tx, {
    organizationId: experiment.gameDay.organizationId,
    actorId: user.userId,
    action: "game_day.run_recorded",
    entityType: "game_day_run",
    entityId: created.id,
    summary: `${run.summary} (“${experiment.title}”)`,
  });
  await emitEvent(tx, {
    organizationId: experiment.gameDay.organizationId,
    type: run.verdict === "ABORTED" && run.source === "RUN_MODE" ? "game_day.experiment_aborted" : "game_day.run_recorded",
    teamId: experiment.gameDay.teamId,
    data: { id: created.id, gameDayId: experiment.gameDay.id, experimentId: experiment.id, status: run.status, deviated: run.deviated, verdict: run.verdict },
  });
  return { runId: created.id, verdict: run.verdict, duplicate: false, verificationRecorded };
}

/**
 * Imports a Chaos Toolkit journal.json as a run of one experiment: the one named, else the game day's
 * only experiment, else the one whose title the journal's experiment carries.
 */
export async function importJournal(
  user: CurrentUser,
  input: z.output<typeof importJournalSchema> | { gameDayId: string; experimentId?: string; journal: unknown },
) {
  const parsed = parseJournal(input.journal);
  return db.$transaction(async (tx) => {
    const gameDay = await loadGameDay(tx, user, input.gameDayId);
    assertCanRun(user, gameDay.teamId);
    const experiments = await tx.gameDayExperiment.findMany({
      where: { gameDayId: gameDay.id },
      select: { id: true, title: true },
      orderBy: { position: "asc" },
    });
    const chosen = input.experimentId
      ? experiments.find((experiment) => experiment.id === input.experimentId)
      : experiments.length === 1
        ? experiments[0]
        : experiments.find((experiment) => experiment.title === parsed.experimentTitle);
    if (!chosen) {
      if (input.experimentId) throw new NotFoundError("The experiment");
      throw new UserError(
        experiments.length === 0 ? "This game day has no experiment yet: add one, then import its journal." : "Say which experiment this journal belongs to.",
        { experimentId: ["Choose the experiment the journal belongs to."] },
      );
    }
    const experiment = await loadExperiment(tx, user, chosen.id);
    return recordRun(tx, user, experiment, {
      source: "JOURNAL",
      idempotencyKey: parsed.idempotencyKey,
      status: parsed.status,
      deviated: parsed.deviated,
      verdict: parsed.verdict,
      startedAt: parsed.startedAt,
      endedAt: parsed.endedAt,
      activities: parsed.activities,
      raw: parsed.journal as Prisma.InputJsonValue,
      chaosVersion: parsed.chaosVersion,
      summary: `Journal imported: ${parsed.status}${parsed.deviated ? ", deviated" : ""} → ${VERDICT_WORDS[parsed.verdict]}`,
    });
  });
}

const VERDICT_WORDS: Record<ExperimentVerdict, string> = { HELD: "hypothesis held", DEVIATED: "deviated", ABORTED: "aborted" };

/** The verdict given in run mode (held or deviated), as a run of its own. */
export async function giveVerdict(user: CurrentUser, input: z.output<typeof verdictSchema>) {
  return db.$transaction(async (tx) => {
    const experiment = await loadExperiment(tx, user, input.experimentId);
    assertCanRun(user, experiment.gameDay.teamId);
    const now = new Date();
    return recordRun(tx, user, experiment, {
      source: "RUN_MODE",
      idempotencyKey: `run-mode:${randomUUID()}`,
      status: "completed",
      deviated: input.verdict === "DEVIATED",
      verdict: input.verdict,
      startedAt: null,
      endedAt: now,
      activities: [],
      summary: `Verdict: ${VERDICT_WORDS[input.verdict]}${input.note ? ` — ${input.note}` : ""}`,
    });
  });
}

/** Aborts an experiment with its reason; the answer carries the rollback commands to run now. */
export async function abortExperiment(user: CurrentUser, input: z.output<typeof abortExperimentSchema>) {
  return db.$transaction(async (tx) => {
    const experiment = await loadExperiment(tx, user, input.experimentId);
    assertCanRun(user, experiment.gameDay.teamId);
    await tx.gameDayExperiment.update({ where: { id: experiment.id }, data: { abortReason: input.reason } });
    const result = await recordRun(tx, user, experiment, {
      source: "RUN_MODE",
      idempotencyKey: `abort:${randomUUID()}`,
      status: "aborted",
      deviated: false,
      verdict: "ABORTED",
      startedAt: null,
      endedAt: new Date(),
      activities: [],
      summary: `Aborted: ${input.reason}`,
    });
    return { ...result, rollbackCommands: commandLines(Array.isArray(experiment.rollbacks) ? experiment.rollbacks : []) };
  });
}

async function loadRun(user: CurrentUser, runId: string) {
  const run = await db.gameDayRun.findFirst({
    where: { id: runId, gameDay: visibleGameDaysWhere(user) },
    select: {
      id: true,
      verdict: true,
      createdAt: true,
      experiment: { select: { title: true } },
      gameDay: { select: { id: true, title: true, teamId: true } },
    },
  });
  if (!run) throw new NotFoundError("The game-day run");
  return run;
}

/** A finding of a deviated (or aborted) run becomes a corrective action of the game day's team, linked to the run. */
export async function createCorrectiveActionFromRun(user: CurrentUser, input: z.output<typeof actionFromRunSchema>) {
  const run = await loadRun(user, input.runId);
  if (run.verdict === "HELD") throw new UserError("This run held its hypothesis: there is no finding to follow up.");
  const { runId: _runId, ...fields } = input;
  return createCorrectiveAction(user, { ...fields, teamId: run.gameDay.teamId, gameDayRunId: run.id });
}

/** Verifies a done corrective action by a run whose hypothesis held (method GAME_DAY). */
export async function verifyActionByRun(user: CurrentUser, input: z.output<typeof verifyActionByRunSchema>) {
  const run = await loadRun(user, input.runId);
  if (run.verdict !== "HELD") throw new UserError("Only a run whose hypothesis held proves the fix works.", { runId: ["Choose a run that held."] });
  const note = `Game day “${run.gameDay.title}”, experiment “${run.experiment.title}”: hypothesis held.${input.note ? ` ${input.note}` : ""}`;
  return changeCorrectiveActionStatus(user, {
    actionId: input.actionId,
    version: input.version,
    status: "VERIFIED",
    verificationMethod: "GAME_DAY",
    verificationNote: note,
    verificationRunId: run.id,
  });
}

export function canRunGameDay(user: CurrentUser, teamId: string): boolean {
  return can(user, "verification.record", teamId);
}
