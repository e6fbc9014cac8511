import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { requireSeries } from "@/lib/reviews/access";
import { buildAgenda } from "@/lib/reviews/agenda-data";
import { parseIsoWeek } from "@/lib/reviews/iso-week";
import { readMinutes, minutesToMarkdown } from "@/lib/reviews/minutes";
import {
  addCustomItem,
  addDecision,
  createCorrectiveActionFromReview,
  goToItem,
  publishReview,
  saveAgendaEdits,
  saveNote,
  startMeeting,
  submitItem,
} from "@/lib/reviews/mutations";
import { reviewWorld, testDb, WEEK } from "@/lib/reviews/test-fixtures";
import { EMPTY_EDITS } from "@/lib/reviews/agenda-edits";

const week = parseIsoWeek(WEEK)!;

describe("weekly review mutations", () => {
  it("refuses a save based on a stale version, so two organizers never overwrite each other", async () => {
    const world = await reviewWorld();
    const ref = { seriesId: world.series.id, isoWeek: WEEK, version: 1 };
    await saveAgendaEdits(world.users.manager, ref, { ...EMPTY_EDITS, removed: ["successes"] });
    await expect(saveAgendaEdits(world.users.secondManager, ref, { ...EMPTY_EDITS, pinned: ["actions"] })).rejects.toBeInstanceOf(ConflictError);
    const review = await testDb.weeklyReview.findUniqueOrThrow({ where: { seriesId_isoWeek: { seriesId: world.series.id, isoWeek: WEEK } } });
    expect(review.version).toBe(2);
    expect(review.agendaEdits).toMatchObject({ removed: ["successes"], pinned: [] });
    expect(await testDb.auditEvent.count({ where: { entityId: review.id, action: "weekly_review.agenda_edited" } })).toBe(1);
  });

  it("a decision under 'Identify new best practices' creates the best practice, linked to the decision", async () => {
    const world = await reviewWorld();
    const ref = { seriesId: world.series.id, isoWeek: WEEK };
    const { version } = await addDecision(world.users.manager, {
      ...ref,
      version: 1,
      itemKey: "best-practices",
      text: "Every certificate has an expiry alarm",
    });
    await addDecision(world.users.manager, { ...ref, version, itemKey: "successes", text: "Not a practice" });
    const decisions = await testDb.reviewDecision.findMany({ where: { review: { seriesId: world.series.id } }, select: { id: true, itemKey: true } });
    const practices = await testDb.bestPractice.findMany({ where: { reviewDecisionId: { in: decisions.map((decision) => decision.id) } } });
    expect(practices.map((practice) => practice.title)).toEqual(["Every certificate has an expiry alarm"]);
    expect(practices[0]!.reviewDecisionId).toBe(decisions.find((decision) => decision.itemKey === "best-practices")!.id);
  });

  it("refuses a live-meeting save from an organizer who has not seen the other's move, and says where the meeting is", async () => {
    const world = await reviewWorld();
    const seriesId = world.series.id;
    const { version } = await startMeeting(world.users.manager, { seriesId, isoWeek: WEEK, version: 1 });
    await goToItem(world.users.manager, { seriesId, isoWeek: WEEK, version, itemKey: "actions" });
    const stale = addDecision(world.users.secondManager, { seriesId, isoWeek: WEEK, version, itemKey: "successes", text: "Overwrites nothing" });
    await expect(stale).rejects.toMatchObject({ status: 409, current: { version: version + 1, status: "RUNNING", currentItemKey: "actions" } });
    expect(await testDb.reviewDecision.count({ where: { review: { seriesId } } })).toBe(0);
  });

  it("autosaves notes whatever the meeting's version, but never over someone else's note", async () => {
    const world = await reviewWorld();
    const seriesId = world.series.id;
    const { version } = await startMeeting(world.users.manager, { seriesId, isoWeek: WEEK, version: 1 });
    await goToItem(world.users.manager, { seriesId, isoWeek: WEEK, version, itemKey: "actions" });
    // The note-taker's screen is a version behind: the note still saves.
    await saveNote(world.users.secondManager, { seriesId, isoWeek: WEEK, version, itemKey: "successes", body: "Quiet week", baseBody: "" });
    const other = saveNote(world.users.manager, { seriesId, isoWeek: WEEK, version, itemKey: "successes", body: "Mine", baseBody: "" });
    await expect(other).rejects.toMatchObject({ status: 409, current: { body: "Quiet week" } });
    const note = await testDb.reviewNote.findFirstOrThrow({ where: { review: { seriesId }, itemKey: "successes" } });
    expect(note.body).toBe("Quiet week");
  });

  it("lets members (of the team or a sub-team) submit but not edit the agenda, and hides the series from other teams", async () => {
    const world = await reviewWorld();
    await submitItem(world.users.member, { seriesId: world.series.id, isoWeek: WEEK, kind: "SUCCESS", title: "Zero pages this week", body: "" });
    await expect(saveAgendaEdits(world.users.member, { seriesId: world.series.id, isoWeek: WEEK, version: 1 }, EMPTY_EDITS)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(saveAgendaEdits(world.users.outsider, { seriesId: world.series.id, isoWeek: WEEK, version: 1 }, EMPTY_EDITS)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // A sub-team's member brings items to the parent team's review without reading its agenda.
    await submitItem(world.users.paymentsMember, {
      seriesId: world.series.id,
      isoWeek: WEEK,
      kind: "BEST_PRACTICE",
      title: "Runbook link on every alarm",
      body: "",
    });
    await expect(requireSeries(world.users.paymentsMember, world.series.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      submitItem(world.users.outsider, { seriesId: world.series.id, isoWeek: WEEK, kind: "SUCCESS", title: "Not my review", body: "" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const agenda = await buildAgenda(await requireSeries(world.users.manager, world.series.id), week);
    const successes = agenda.items.find((item) => item.key === "successes")!.detail;
    expect(successes.kind === "successes" && successes.submissions.map((submission) => submission.title)).toEqual(["Zero pages this week"]);
    const practices = [...agenda.items, ...agenda.deferred].find((item) => item.key === "best-practices")!.detail;
    expect(practices.kind === "bestPractices" && practices.proposals.map((submission) => submission.title)).toEqual(["Runbook link on every alarm"]);
  });

  it("runs the meeting, publishes minutes and carries the unreached items to next week", async () => {
    const world = await reviewWorld();
    const { manager } = world.users;
    const seriesId = world.series.id;
    let version = 1;
    const custom = await addCustomItem(
      manager,
      { seriesId, isoWeek: WEEK, version },
      { title: "Pager load review", description: "Bring the numbers", section: "custom", slots: 1 },
    );
    version = custom.version;
    const agenda = await buildAgenda(await requireSeries(manager, seriesId), week);
    // Move the custom item up and pin it so it is scheduled (unpinned, the five typical items come first), then never reach it.
    ({ version } = await saveAgendaEdits(
      manager,
      { seriesId, isoWeek: WEEK, version },
      {
        ...EMPTY_EDITS,
        custom: [{ key: custom.key, title: "Pager load review", description: "Bring the numbers", section: "custom", slots: 1 }],
        order: [...agenda.items.map((item) => item.key).filter((key) => key !== custom.key)].slice(0, 1).concat(custom.key),
        pinned: [custom.key],
      },
    ));
    ({ version } = await startMeeting(manager, { seriesId, isoWeek: WEEK, version }));
    ({ version } = await saveNote(manager, { seriesId, isoWeek: WEEK, version, itemKey: "successes", body: "Good week for checkout." }));
    ({ version } = await addDecision(manager, { seriesId, isoWeek: WEEK, version, itemKey: "successes", text: "Keep the freeze until Monday" }));
    const created = await createCorrectiveActionFromReview(manager, {
      seriesId,
      isoWeek: WEEK,
      version,
      itemKey: "successes",
      title: "Write the freeze runbook",
      ownerId: manager.userId,
      teamId: world.teams.retail.id,
      type: "PROCESS",
      dueDate: "2026-12-10",
    });
    version = created.version;
    ({ version } = await goToItem(manager, { seriesId, isoWeek: WEEK, version, itemKey: "actions" }));
    await publishReview(manager, { seriesId, isoWeek: WEEK, version });

    const action = await testDb.correctiveAction.findUniqueOrThrow({ where: { id: created.actionId } });
    expect(action).toMatchObject({ source: "WEEKLY_REVIEW", weeklyReviewId: created.reviewId });

    const review = await testDb.weeklyReview.findUniqueOrThrow({ where: { id: created.reviewId } });
    expect(review.status).toBe("PUBLISHED");
    const minutes = readMinutes(review.minutes)!;
    expect(minutes.items.find((item) => item.key === "successes")).toMatchObject({
      reached: true,
      note: "Good week for checkout.",
      decisions: ["Keep the freeze until Monday"],
    });
    expect(minutes.actions.map((entry) => entry.title)).toEqual(["Write the freeze runbook"]);
    expect(minutes.carried.map((item) => item.key)).toContain(custom.key);
    expect(minutes.carried.map((item) => item.key)).not.toContain("actions");
    const markdown = minutesToMarkdown(minutes);
    expect(markdown).toContain("- **Decision:** Keep the freeze until Monday");
    expect(markdown).toContain("Write the freeze runbook — owner:");

    await expect(saveNote(manager, { seriesId, isoWeek: WEEK, version: version + 1, itemKey: "successes", body: "late" })).rejects.toThrow(/published/);

    const next = await buildAgenda(await requireSeries(manager, seriesId), parseIsoWeek("2026-W49")!);
    const carried = [...next.items, ...next.deferred].find((item) => item.key === custom.key);
    expect(carried).toMatchObject({ title: "Pager load review", carriedFrom: WEEK });
    expect(await testDb.auditEvent.count({ where: { entityId: created.reviewId, action: { startsWith: "weekly_review." } } })).toBeGreaterThanOrEqual(7);
  });

  it("creates a meeting's action in the review's own transaction: a retry after the 409 of a concurrent change makes it once", async () => {
    const world = await reviewWorld();
    const { manager } = world.users;
    const seriesId = world.series.id;
    const { version } = await startMeeting(manager, { seriesId, isoWeek: WEEK, version: 1 });
    const review = await testDb.weeklyReview.findUniqueOrThrow({ where: { seriesId_isoWeek: { seriesId, isoWeek: WEEK } }, select: { id: true } });
    const input = {
      seriesId,
      isoWeek: WEEK,
      version,
      itemKey: "successes",
      title: "Write the freeze runbook",
      ownerId: manager.userId,
      teamId: world.teams.retail.id,
      type: "PROCESS" as const,
      dueDate: "2026-12-10",
    };
    // Another organizer's change holds the review row, uncommitted, while the action is being created:
    // the creation passes its version check, then waits for the row, then finds the version moved.
    let release!: () => void;
    let taken!: () => void;
    const heldUntil = new Promise<void>((resolve) => (release = resolve));
    const rowTaken = new Promise<void>((resolve) => (taken = resolve));
    const concurrent = testDb.$transaction(
      async (tx) => {
        await tx.weeklyReview.update({ where: { id: review.id }, data: { version: { increment: 1 } } });
        taken();
        await heldUntil;
      },
      { timeout: 20_000 },
    );
    await rowTaken;
    const attempt = createCorrectiveActionFromReview(manager, input).catch((error: unknown) => error);
    await expect
      .poll(
        async () =>
          (
            await testDb.$queryRaw<{ waiting: bigint }[]>`
              SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
          )[0]!.waiting,
        { timeout: 10_000 },
      )
      .toBe(1n);
    release();
    await concurrent;
    expect(await attempt).toBeInstanceOf(ConflictError);
    const actions = () => testDb.correctiveAction.findMany({ where: { weeklyReviewId: review.id }, select: { id: true } });
    expect(await actions()).toEqual([]);

    const retried = await createCorrectiveActionFromReview(manager, { ...input, version: version + 1 });
    expect((await actions()).map((action) => action.id)).toEqual([retried.actionId]);
    expect(await testDb.auditEvent.count({ where: { entityId: review.id, action: "weekly_review.action_created" } })).toBe(1);
  });
});
