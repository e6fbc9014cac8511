import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { requireSeries } from "@/lib/reviews/access";
import { buildAgenda } from "@/lib/reviews/agenda-data";
import { parseIsoWeek } from "@/lib/reviews/iso-week";
import { readMinutes, minutesToMarkdown } from "@/lib/reviews/minutes";
import { addCustomItem, addDecision, createReviewAction, goToItem, publishReview, saveAgendaEdits, saveNote, startMeeting, submitItem } from "@/lib/reviews/mutations";
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

  it("refuses a live-meeting save from an organizer who has not seen the other's move, and says where the meeting is", async () => {
    const world = await reviewWorld();
    const seriesId = world.series.id;
    const { version } = await startMeeting(world.users.manager, { seriesId, isoWeek: WEEK, version: 1 });
    await goToItem(world.users.manager, { seriesId, isoWeek: WEEK, version, itemKey: "actions" });
    const stale = saveNote(world.users.secondManager, { seriesId, isoWeek: WEEK, version, itemKey: "successes", body: "Overwrites nothing" });
    await expect(stale).rejects.toMatchObject({ status: 409, current: { version: version + 1, status: "RUNNING", currentItemKey: "actions" } });
    expect(await testDb.reviewNote.count({ where: { review: { seriesId } } })).toBe(0);
  });

  it("lets members (of the team or a sub-team) submit but not edit the agenda, and hides the series from other teams", async () => {
    const world = await reviewWorld();
    await submitItem(world.users.member, { seriesId: world.series.id, isoWeek: WEEK, kind: "SUCCESS", title: "Zero pages this week", body: "" });
    await expect(saveAgendaEdits(world.users.member, { seriesId: world.series.id, isoWeek: WEEK, version: 1 }, EMPTY_EDITS)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveAgendaEdits(world.users.outsider, { seriesId: world.series.id, isoWeek: WEEK, version: 1 }, EMPTY_EDITS)).rejects.toBeInstanceOf(NotFoundError);
    // A sub-team's member brings items to the parent team's review without reading its agenda.
    await submitItem(world.users.paymentsMember, { seriesId: world.series.id, isoWeek: WEEK, kind: "BEST_PRACTICE", title: "Runbook link on every alarm", body: "" });
    await expect(requireSeries(world.users.paymentsMember, world.series.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitItem(world.users.outsider, { seriesId: world.series.id, isoWeek: WEEK, kind: "SUCCESS", title: "Not my review", body: "" })).rejects.toBeInstanceOf(NotFoundError);
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
    const custom = await addCustomItem(manager, { seriesId, isoWeek: WEEK, version }, { title: "Pager load review", description: "Bring the numbers", section: "custom", slots: 1 });
    version = custom.version;
    const agenda = await buildAgenda(await requireSeries(manager, seriesId), week);
    // Move the custom item to the top so it is scheduled, then never reach it.
    ({ version } = await saveAgendaEdits(manager, { seriesId, isoWeek: WEEK, version }, { ...EMPTY_EDITS, custom: [{ key: custom.key, title: "Pager load review", description: "Bring the numbers", section: "custom", slots: 1 }], order: [...agenda.items.map((item) => item.key).filter((key) => key !== custom.key)].slice(0, 1).concat(custom.key) }));
    ({ version } = await startMeeting(manager, { seriesId, isoWeek: WEEK, version }));
    ({ version } = await saveNote(manager, { seriesId, isoWeek: WEEK, version, itemKey: "successes", body: "Good week for checkout." }));
    ({ version } = await addDecision(manager, { seriesId, isoWeek: WEEK, version, itemKey: "successes", text: "Keep the freeze until Monday" }));
    const created = await createReviewAction(manager, { seriesId, isoWeek: WEEK, version, itemKey: "successes", title: "Write the freeze runbook", ownerId: manager.userId, teamId: world.teams.retail.id, type: "PROCESS", dueDate: "2026-12-10" });
    version = created.version;
    ({ version } = await goToItem(manager, { seriesId, isoWeek: WEEK, version, itemKey: "actions" }));
    await publishReview(manager, { seriesId, isoWeek: WEEK, version });

    const action = await testDb.correctiveAction.findUniqueOrThrow({ where: { id: created.actionId } });
    expect(action).toMatchObject({ source: "WEEKLY_REVIEW", weeklyReviewId: created.reviewId });

    const review = await testDb.weeklyReview.findUniqueOrThrow({ where: { id: created.reviewId } });
    expect(review.status).toBe("PUBLISHED");
    const minutes = readMinutes(review.minutes)!;
    expect(minutes.items.find((item) => item.key === "successes")).toMatchObject({ reached: true, note: "Good week for checkout.", decisions: ["Keep the freeze until Monday"] });
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
});
