import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { changedFields, recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/principal";
import { ConflictError, ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createCorrectiveAction } from "@/lib/actions/mutations";
import { createBestPracticeFromDecision } from "@/lib/learnings/mutations";
import { can } from "@/lib/permissions";
import { canRunSeries, requireSeries, requireSeriesForSubmission, type SeriesRow } from "@/lib/reviews/access";
import { buildAgenda } from "@/lib/reviews/agenda-data";
import { readEdits, type AgendaEdits } from "@/lib/reviews/agenda-edits";
import type { CarriedItem } from "@/lib/reviews/agenda-types";
import { parseIsoWeek, weekWindow } from "@/lib/reviews/iso-week";
import { minutesFrom } from "@/lib/reviews/minutes";
import { notifyUsers } from "@/lib/notifications/mutations";
import { emitReviewEvent } from "@/lib/events/review-events";
import { readWeeklyDigest } from "@/lib/reviews/weekly-digest";
import { queueWeeklyDigests } from "@/lib/webhooks/digest-mutations";
import type { CreateSeriesInput, ReviewActionInput, SubmitItemInput, UpdateSeriesInput, WeekRef } from "@/lib/reviews/schemas";

/**
 * The one write path for weekly reviews. Every change to a week's review runs in a transaction
 * that checks the caller may run the series, refuses a change based on a stale version (two
 * organizers never overwrite each other silently), moves the version on, and writes the audit log.
 * All meeting state lives in PostgreSQL, so any app instance can serve any organizer.
 */
type Tx = Prisma.TransactionClient;
export type SavedReview = { reviewId: string; version: number };

const reviewSelect = { id: true, version: true, status: true, agendaEdits: true, currentItemKey: true, reachedItemKeys: true, startedAt: true } as const;
type ReviewRow = Prisma.WeeklyReviewGetPayload<{ select: typeof reviewSelect }>;

export async function createSeries(user: CurrentUser, input: CreateSeriesInput): Promise<{ id: string }> {
  const team = await db.team.findFirst({ where: { id: input.teamId, organizationId: user.organizationId }, select: { id: true, name: true } });
  if (!team) throw new NotFoundError("The team");
  if (!can(user, "review.run", team.id)) throw new ForbiddenError("Only the team's managers can set up its weekly review.");
  const [hours, minutes] = input.startTime.split(":").map(Number) as [number, number];
  return db.$transaction(async (tx) => {
    const clash = await tx.reviewSeries.findFirst({ where: { teamId: team.id, name: input.name }, select: { id: true } });
    if (clash) throw new UserError("This team already has a review with that name.", { name: ["Choose another name."] });
    const series = await tx.reviewSeries.create({
      data: {
        organizationId: user.organizationId,
        teamId: team.id,
        name: input.name,
        weekday: input.weekday,
        startMinute: hours * 60 + minutes,
        timeZone: input.timeZone,
        lengthMinutes: input.lengthMinutes,
        subTeamSummary: input.subTeamSummary,
        createdById: user.userId,
        organizers: { create: { userId: user.userId } },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "review_series.created",
      entityType: "review_series",
      entityId: series.id,
      summary: `Set up the weekly review “${input.name}” for ${team.name}`,
      changes: { weekday: input.weekday, startTime: input.startTime, timeZone: input.timeZone, lengthMinutes: input.lengthMinutes },
    });
    return series;
  });
}

/** Schedule, length and organizers; the team's managers only (organizers run meetings, managers own the series). */
export async function updateSeries(user: CurrentUser, input: UpdateSeriesInput): Promise<{ id: string }> {
  const series = await requireSeries(user, input.seriesId);
  if (!can(user, "review.run", series.teamId)) throw new ForbiddenError("Only the team's managers can change its weekly review.");
  const [hours, minutes] = input.startTime.split(":").map(Number) as [number, number];
  return db.$transaction(async (tx) => {
    const organizers = await tx.user.findMany({
      where: { id: { in: input.organizerIds }, organizationId: user.organizationId, deactivatedAt: null },
      select: { id: true },
    });
    const next = {
      name: input.name,
      weekday: input.weekday,
      startMinute: hours * 60 + minutes,
      timeZone: input.timeZone,
      lengthMinutes: input.lengthMinutes,
      subTeamSummary: input.subTeamSummary,
    };
    const clash = await tx.reviewSeries.findFirst({ where: { teamId: series.teamId, name: input.name, id: { not: series.id } }, select: { id: true } });
    if (clash) throw new UserError("This team already has a review with that name.", { name: ["Choose another name."] });
    await tx.reviewSeries.update({ where: { id: series.id }, data: next });
    await tx.reviewOrganizer.deleteMany({ where: { seriesId: series.id } });
    if (organizers.length > 0) await tx.reviewOrganizer.createMany({ data: organizers.map((organizer) => ({ seriesId: series.id, userId: organizer.id })) });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "review_series.updated",
      entityType: "review_series",
      entityId: series.id,
      summary: `Changed the weekly review “${input.name}”`,
      changes: {
        ...changedFields(
          {
            name: series.name,
            weekday: series.weekday,
            startMinute: series.startMinute,
            timeZone: series.timeZone,
            lengthMinutes: series.lengthMinutes,
            subTeamSummary: series.subTeamSummary,
          },
          next,
        ),
        organizers: {
          from: series.organizers
            .map((organizer) => organizer.userId)
            .sort()
            .join(","),
          to: organizers
            .map((organizer) => organizer.id)
            .sort()
            .join(","),
        },
      },
    });
    return { id: series.id };
  });
}

async function ensureReview(tx: Tx, series: SeriesRow, isoWeek: string): Promise<ReviewRow> {
  return tx.weeklyReview.upsert({
    where: { seriesId_isoWeek: { seriesId: series.id, isoWeek } },
    create: { organizationId: series.organizationId, seriesId: series.id, isoWeek },
    update: {},
    select: reviewSelect,
  });
}

function stale(row: ReviewRow): ConflictError {
  return new ConflictError(
    `Another organizer changed this review (now version ${row.version}) after you loaded it. Reload to see their change, then try again.`,
    {
      version: row.version,
      status: row.status,
      currentItemKey: row.currentItemKey,
    },
  );
}

type Change = { action: string; summary: string; data?: Prisma.WeeklyReviewUncheckedUpdateManyInput; changes?: Prisma.InputJsonValue };

/**
 * Loads (or creates) the week's review, checks the caller, the status and the version, lets `run`
 * do the work, then moves the version on only if nobody else did first.
 */
async function changeReview(
  user: CurrentUser,
  ref: WeekRef,
  run: (tx: Tx, review: ReviewRow, series: SeriesRow) => Promise<Change>,
  options: { allowPublished?: boolean; /** Notes carry their own concurrency check (baseBody) instead of the meeting's version. */ anyVersion?: boolean } = {},
): Promise<SavedReview> {
  const series = await requireSeries(user, ref.seriesId);
  if (!canRunSeries(user, series)) throw new ForbiddenError("Only the review's organizers and the team's managers can change it.");
  return db.$transaction(async (tx) => {
    const review = await ensureReview(tx, series, ref.isoWeek);
    if (review.version !== ref.version && !options.anyVersion) throw stale(review);
    if (review.status === "PUBLISHED" && !options.allowPublished) throw new UserError("This review is published; its minutes no longer change.");
    const change = await run(tx, review, series);
    const { count } = await tx.weeklyReview.updateMany({
      where: { id: review.id, version: review.version },
      data: { ...change.data, version: { increment: 1 } },
    });
    if (count !== 1) throw stale((await tx.weeklyReview.findUnique({ where: { id: review.id }, select: reviewSelect }))!);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: change.action,
      entityType: "weekly_review",
      entityId: review.id,
      summary: `${change.summary} (${series.name}, ${ref.isoWeek})`,
      changes: change.changes,
    });
    return { reviewId: review.id, version: review.version + 1 };
  });
}

export async function saveAgendaEdits(user: CurrentUser, ref: WeekRef, edits: AgendaEdits): Promise<SavedReview> {
  return changeReview(user, ref, async (_tx, review) => {
    const before = readEdits(review.agendaEdits);
    return {
      action: "weekly_review.agenda_edited",
      summary: "Edited the agenda",
      data: { agendaEdits: edits as unknown as Prisma.InputJsonValue },
      changes: { before: before as unknown as Prisma.InputJsonValue, after: edits as unknown as Prisma.InputJsonValue },
    };
  });
}

export async function addCustomItem(user: CurrentUser, ref: WeekRef, item: Omit<AgendaEdits["custom"][number], "key">): Promise<SavedReview & { key: string }> {
  const key = `custom:${randomUUID().slice(0, 8)}`;
  const saved = await changeReview(user, ref, async (_tx, review) => {
    const edits = readEdits(review.agendaEdits);
    const next: AgendaEdits = { ...edits, custom: [...edits.custom, { ...item, key }], order: edits.order.length > 0 ? [...edits.order, key] : [] };
    return {
      action: "weekly_review.item_added",
      summary: `Added “${item.title}” to the agenda`,
      data: { agendaEdits: next as unknown as Prisma.InputJsonValue },
      changes: { key, title: item.title },
    };
  });
  return { ...saved, key };
}

export async function submitItem(user: CurrentUser, input: SubmitItemInput): Promise<{ id: string }> {
  // Writers of the series' team or of any team below it (requireSeriesForSubmission).
  const series = await requireSeriesForSubmission(user, input.seriesId);
  return db.$transaction(async (tx) => {
    const review = await ensureReview(tx, series, input.isoWeek);
    if (review.status === "PUBLISHED") throw new UserError("That week's review is already published; submit for the coming week instead.");
    const submission = await tx.reviewSubmission.create({
      data: { reviewId: review.id, kind: input.kind, title: input.title, body: input.body, authorId: user.userId },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.userId,
      action: "weekly_review.item_submitted",
      entityType: "weekly_review",
      entityId: review.id,
      summary: `Submitted “${input.title}” for ${series.name}, ${input.isoWeek}`,
      changes: { kind: input.kind },
    });
    return submission;
  });
}

export async function startMeeting(user: CurrentUser, ref: WeekRef): Promise<SavedReview> {
  const series = await requireSeries(user, ref.seriesId);
  const agenda = await buildAgenda(series, parseIsoWeek(ref.isoWeek)!);
  const first = agenda.items[0]?.key ?? null;
  return changeReview(user, ref, async (_tx, review) => {
    if (review.status === "RUNNING") throw new UserError("The meeting is already running.");
    const now = new Date();
    return {
      action: "weekly_review.started",
      summary: "Started the meeting",
      data: { status: "RUNNING", startedAt: now, currentItemKey: first, currentItemStartedAt: now, reachedItemKeys: first ? [first] : [] },
    };
  });
}

export async function goToItem(user: CurrentUser, ref: WeekRef & { itemKey: string }): Promise<SavedReview> {
  return changeReview(user, ref, async (_tx, review) => {
    if (review.status !== "RUNNING") throw new UserError("Start the meeting first.");
    const reached = review.reachedItemKeys.includes(ref.itemKey) ? review.reachedItemKeys : [...review.reachedItemKeys, ref.itemKey];
    return {
      action: "weekly_review.item_opened",
      summary: `Moved to agenda item ${ref.itemKey}`,
      data: { currentItemKey: ref.itemKey, currentItemStartedAt: new Date(), reachedItemKeys: reached },
      changes: { from: review.currentItemKey, to: ref.itemKey },
    };
  });
}

/**
 * Saves one item's note. Autosaved while the meeting moves on, so it does not need the meeting's
 * version; a note someone else changed since `baseBody` is refused with theirs, never overwritten.
 */
export async function saveNote(user: CurrentUser, ref: WeekRef & { itemKey: string; body: string; baseBody?: string }): Promise<SavedReview> {
  return changeReview(
    user,
    ref,
    async (tx, review) => {
      const previous = await tx.reviewNote.findUnique({ where: { reviewId_itemKey: { reviewId: review.id, itemKey: ref.itemKey } }, select: { body: true } });
      if (ref.baseBody !== undefined && (previous?.body ?? "") !== ref.baseBody && previous?.body !== ref.body) {
        throw new ConflictError("Someone else changed this note while you were typing. Their text is below yours; merge them and it saves again.", {
          body: previous?.body ?? "",
        });
      }
      await tx.reviewNote.upsert({
        where: { reviewId_itemKey: { reviewId: review.id, itemKey: ref.itemKey } },
        create: { reviewId: review.id, itemKey: ref.itemKey, body: ref.body, authorId: user.userId },
        update: { body: ref.body, authorId: user.userId },
      });
      return {
        action: "weekly_review.note_saved",
        summary: `Saved the note on ${ref.itemKey}`,
        changes: { itemKey: ref.itemKey, from: previous?.body ?? null, to: ref.body },
      };
    },
    { anyVersion: true },
  );
}

/** The agenda item whose decisions are new best practices (lib/reviews/compose-agenda.ts). */
const BEST_PRACTICES_ITEM = "best-practices";

/** A decision on an agenda item; under "Identify new best practices" it also creates the best practice, in the same transaction. */
export async function addDecision(user: CurrentUser, ref: WeekRef & { itemKey: string; text: string }): Promise<SavedReview> {
  return changeReview(user, ref, async (tx, review, series) => {
    const decision = await tx.reviewDecision.create({
      data: { reviewId: review.id, itemKey: ref.itemKey, text: ref.text, authorId: user.userId },
      select: { id: true },
    });
    const practice =
      ref.itemKey === BEST_PRACTICES_ITEM
        ? await createBestPracticeFromDecision(tx, user, { id: decision.id, text: ref.text, reviewLabel: `${series.name}, ${ref.isoWeek}` })
        : null;
    return {
      action: "weekly_review.decision_recorded",
      summary: practice ? `Recorded a best practice: “${ref.text.slice(0, 80)}”` : `Recorded a decision: “${ref.text.slice(0, 80)}”`,
      changes: { itemKey: ref.itemKey, text: ref.text, ...(practice ? { bestPracticeId: practice.id } : {}) },
    };
  });
}

export async function setAttendance(user: CurrentUser, ref: WeekRef & { userIds: string[] }): Promise<SavedReview> {
  return changeReview(user, ref, async (tx, review) => {
    const people = await tx.user.findMany({ where: { id: { in: ref.userIds }, organizationId: user.organizationId }, select: { id: true } });
    const before = await tx.reviewAttendance.findMany({ where: { reviewId: review.id }, select: { userId: true } });
    await tx.reviewAttendance.deleteMany({ where: { reviewId: review.id } });
    if (people.length > 0) await tx.reviewAttendance.createMany({ data: people.map((person) => ({ reviewId: review.id, userId: person.id })) });
    return {
      action: "weekly_review.attendance_set",
      summary: `Recorded attendance (${people.length})`,
      changes: { before: before.map((row) => row.userId), after: people.map((person) => person.id) },
    };
  });
}

/**
 * A corrective action created in the meeting. It goes through the actions domain's one write path
 * (owner, team rights, history, audit), sourced to this review in the same transaction.
 */
export async function createCorrectiveActionFromReview(user: CurrentUser, input: ReviewActionInput): Promise<SavedReview & { actionId: string }> {
  let actionId = "";
  // The action is created inside the review's transaction: a stale version (409) or a published
  // review rolls it back too, so retrying after the refusal does not create it twice.
  const saved = await changeReview(
    user,
    input,
    async (tx, review, series) => {
      if (review.status === "PUBLISHED") throw new UserError("This review is published; create the action from the actions page instead.");
      const created = await createCorrectiveAction(
        user,
        {
          title: input.title,
          description: `Created in the weekly review ${series.name}, ${input.isoWeek}.`,
          ownerId: input.ownerId,
          teamId: input.teamId,
          type: input.type,
          priority: "MEDIUM",
          dueDate: input.dueDate,
          weeklyReviewId: review.id,
        },
        tx,
      );
      actionId = created.id;
      return {
        action: "weekly_review.action_created",
        summary: `Created the corrective action “${input.title}”`,
        changes: { actionId: created.id, itemKey: input.itemKey },
      };
    },
    { allowPublished: true },
  );
  return { ...saved, actionId };
}

/**
 * Publishes the minutes: freezes the agenda with notes, decisions, new actions and attendance,
 * records the wheel pick, and carries every item the meeting did not reach into next week.
 */
export async function publishReview(user: CurrentUser, ref: WeekRef): Promise<SavedReview> {
  const series = await requireSeries(user, ref.seriesId);
  const agenda = await buildAgenda(series, parseIsoWeek(ref.isoWeek)!);
  return changeReview(user, ref, async (tx, review) => {
    if (review.status !== "RUNNING") throw new UserError("Start the meeting before publishing its minutes.");
    const [notes, decisions, actions, attendance] = await Promise.all([
      tx.reviewNote.findMany({ where: { reviewId: review.id }, select: { itemKey: true, body: true } }),
      tx.reviewDecision.findMany({ where: { reviewId: review.id }, select: { itemKey: true, text: true }, orderBy: { createdAt: "asc" } }),
      tx.correctiveAction.findMany({
        where: { weeklyReviewId: review.id, organizationId: user.organizationId },
        select: { id: true, title: true, dueDate: true, owner: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      }),
      tx.reviewAttendance.findMany({ where: { reviewId: review.id }, select: { userId: true, user: { select: { name: true } } } }),
    ]);
    const reached = new Set(review.reachedItemKeys);
    const unreached = [...agenda.items, ...agenda.deferred].filter((item) => !reached.has(item.key));
    const carried: CarriedItem[] = unreached.map((item) => ({
      key: item.key,
      section: item.section,
      title: item.title,
      slots: item.slots,
      description: item.detail.kind === "custom" ? item.detail.description : "",
      fromWeek: item.carriedFrom ?? ref.isoWeek,
    }));
    // COEs the review item could not hold (or did not reach) would drop out of next week's data: carry them by name.
    const coeReview = [...agenda.items, ...agenda.deferred].find((item) => item.key === "coes");
    if (coeReview?.detail.kind === "coeList") {
      const notReviewed = [...(reached.has("coes") ? [] : coeReview.detail.coes), ...(coeReview.detail.deferred ?? [])];
      if (notReviewed.length > 0) {
        carried.push({
          key: `coes-deferred:${ref.isoWeek}`,
          section: "coes",
          title: `COEs not reviewed in ${ref.isoWeek} (${notReviewed.length})`,
          slots: 1,
          description: notReviewed.map((coe) => `${coe.severity} · ${coe.title} (/coes/${coe.id})`).join("\n"),
          fromWeek: ref.isoWeek,
        });
      }
    }
    const minutes = minutesFrom(agenda, {
      reachedKeys: [...reached],
      notes,
      decisions,
      actions: actions.map((action) => ({
        id: action.id,
        title: action.title,
        ownerName: action.owner?.name ?? null,
        dueDate: action.dueDate?.toISOString().slice(0, 10) ?? null,
      })),
      attendees: attendance.map((row) => row.user.name).sort(),
      publishedAt: new Date().toISOString(),
    });
    await notifyUsers(
      tx,
      [...attendance.map((row) => row.userId), ...series.organizers.map((organizer) => organizer.userId)],
      {
        organizationId: user.organizationId,
        kind: "MINUTES_PUBLISHED",
        title: `Minutes of ${series.name} (${ref.isoWeek}) are published`,
        href: `/reviews/${series.id}/weeks/${ref.isoWeek}/minutes`,
        dedupeKey: `minutes:${review.id}`,
      },
      user.userId,
    );
    await emitReviewEvent(tx, user.organizationId, "review.minutes_published", { reviewId: review.id, series, isoWeek: ref.isoWeek, minutes });
    const wheel = agenda.items.find((item) => item.detail.kind === "wheel");
    if (wheel?.detail.kind === "wheel" && wheel.detail.service) {
      await tx.reviewWheelPick.upsert({
        where: { seriesId_isoWeek: { seriesId: series.id, isoWeek: ref.isoWeek } },
        create: { seriesId: series.id, isoWeek: ref.isoWeek, serviceId: wheel.detail.service.id },
        update: { serviceId: wheel.detail.service.id },
      });
    }
    return {
      action: "weekly_review.published",
      summary: `Published the minutes; ${carried.length} item(s) carried to next week`,
      data: {
        status: "PUBLISHED",
        publishedAt: new Date(),
        minutes: minutes as unknown as Prisma.InputJsonValue,
        carriedOver: carried as unknown as Prisma.InputJsonValue,
        currentItemKey: null,
      },
      changes: { carried: carried.map((item) => item.key) },
    };
  });
}

/**
 * Tells the people of a coming review that its agenda is ready: the organizers, the series team's
 * own members, and whoever attended the last meeting. Once per week's review.
 */
export async function announceAgenda(user: CurrentUser, ref: WeekRef): Promise<SavedReview & { notified: number }> {
  let notified = 0;
  const saved = await changeReview(user, ref, async (tx, review, series) => {
    if (review.status === "PUBLISHED") throw new UserError("This review is already minuted.");
    const [members, lastAttendance] = await Promise.all([
      tx.membership.findMany({ where: { teamId: series.teamId, user: { deactivatedAt: null } }, select: { userId: true } }),
      tx.reviewAttendance.findMany({
        where: { review: { seriesId: series.id, status: "PUBLISHED", isoWeek: { lt: ref.isoWeek } } },
        select: { userId: true, review: { select: { isoWeek: true } } },
        orderBy: { review: { isoWeek: "desc" } },
        take: 200,
      }),
    ]);
    const lastWeek = lastAttendance[0]?.review.isoWeek;
    const recipients = [
      ...series.organizers.map((organizer) => organizer.userId),
      ...members.map((member) => member.userId),
      ...lastAttendance.filter((row) => row.review.isoWeek === lastWeek).map((row) => row.userId),
    ];
    notified = await notifyUsers(
      tx,
      recipients,
      {
        organizationId: user.organizationId,
        kind: "AGENDA_READY",
        title: `The agenda of ${series.name} (${ref.isoWeek}) is ready`,
        href: `/reviews/${series.id}/weeks/${ref.isoWeek}`,
        dedupeKey: `agenda:${review.id}`,
      },
      user.userId,
    );
    await emitReviewEvent(tx, user.organizationId, "review.agenda_ready", { reviewId: review.id, series, isoWeek: ref.isoWeek });
    // Endpoints with the weekly digest option whose subtree holds this team get theirs (once per week).
    const window = weekWindow(parseIsoWeek(ref.isoWeek)!, series);
    const now = new Date();
    await queueWeeklyDigests(tx, {
      organizationId: user.organizationId,
      isoWeek: ref.isoWeek,
      window,
      review: { id: review.id, seriesId: series.id, seriesName: series.name, teamId: series.teamId, path: `/reviews/${series.id}/weeks/${ref.isoWeek}` },
      loadContent: (teamIds) => readWeeklyDigest(tx, { organizationId: user.organizationId, teamIds, window, now }),
    });
    return { action: "weekly_review.agenda_announced", summary: `Announced the agenda to ${notified} people` };
  });
  return { ...saved, notified };
}
