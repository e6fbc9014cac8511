// The reviews page for someone whose teams have no series of their own: it names the series up the
// tree, and what it offers them matches what the doors allow — a sub-team's member may submit
// (the server action's mutation accepts it), a viewer may not (refused), and neither reads the
// parent's agenda (the page's and the API's findSeries/requireSeries).
import { afterAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { findSeries, requireSeries, submittableSeries } from "@/lib/reviews/access";
import { submitItem } from "@/lib/reviews/mutations";
import { listSeries, seriesAboveMyTeams } from "@/lib/reviews/queries";
import { reviewWorld, testDb, userFor, WEEK } from "@/lib/reviews/test-fixtures";
import { createUser } from "@/prisma/seed/factories";

afterAll(() => testDb.$disconnect());

const item = (seriesId: string) => ({ seriesId, isoWeek: WEEK, kind: "SUCCESS" as const, title: "Checkout pages fell by half", body: "" });

describe("where a sub-team is reviewed", () => {
  it("shows a sub-team's member and viewer the series above them, with what each may do there", async () => {
    // Retail → Checkout → Payments; the only series is Retail's.
    const world = await reviewWorld();
    const viewer = await userFor(
      (await createUser(testDb, world.org.id, { memberships: [{ teamId: world.teams.checkout.id, role: "VIEWER" }], passwordHash: "not-a-real-hash" })).id,
    );
    const member = world.users.paymentsMember;

    const memberSubmits = await submittableSeries(member);
    expect(await listSeries(member)).toEqual([]);
    expect(await seriesAboveMyTeams(member, memberSubmits)).toEqual([
      {
        team: { id: world.teams.payments.id, name: "Payments" },
        series: expect.objectContaining({ id: world.series.id, name: "Retail weekly", team: { id: world.teams.retail.id, name: "Retail" } }),
        canSubmit: true,
        role: "MEMBER",
      },
    ]);
    await submitItem(member, item(world.series.id));

    const viewerSubmits = await submittableSeries(viewer);
    expect(await listSeries(viewer)).toEqual([]);
    expect(await seriesAboveMyTeams(viewer, viewerSubmits)).toEqual([
      { team: { id: world.teams.checkout.id, name: "Checkout" }, series: expect.objectContaining({ id: world.series.id }), canSubmit: false, role: "VIEWER" },
    ]);
    // The page says "read-only" because the doors refuse: the submission, and the agenda to both.
    await expect(submitItem(viewer, item(world.series.id))).rejects.toBeInstanceOf(NotFoundError);
    expect(await findSeries(viewer, world.series.id)).toBeNull();
    await expect(requireSeries(member, world.series.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await testDb.reviewSubmission.count({ where: { review: { seriesId: world.series.id } } })).toBe(1);
  });

  it("names the nearest series up the tree, and nothing to someone on a top-level team", async () => {
    const world = await reviewWorld();
    const checkoutSeries = await testDb.reviewSeries.create({
      data: {
        organizationId: world.org.id,
        teamId: world.teams.checkout.id,
        name: "Checkout weekly",
        weekday: 2,
        startMinute: 540,
        timeZone: "UTC",
        lengthMinutes: 90,
      },
    });
    const member = world.users.paymentsMember;
    expect((await seriesAboveMyTeams(member, await submittableSeries(member))).map((entry) => entry.series.id)).toEqual([checkoutSeries.id]);
    expect(await seriesAboveMyTeams(world.users.outsider, [])).toEqual([]);
  });
});
