// GET /api/v1/reviews/{seriesId}/weeks/{isoWeek}/agenda against the test database: the built
// agenda as JSON, problem+json for a malformed week, and no series outside the caller's teams.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/reviews/[seriesId]/weeks/[isoWeek]/agenda/route";
import { createApiToken } from "@/prisma/seed/factories";
import { reviewWorld, testDb, WEEK } from "@/lib/reviews/test-fixtures";

function get(token: string, seriesId: string, isoWeek: string) {
  const request = new Request(`http://andon.test/api/v1/reviews/${seriesId}/weeks/${isoWeek}/agenda`, { headers: { authorization: `Bearer ${token}` } });
  return GET(request, { params: Promise.resolve({ seriesId, isoWeek }) });
}

describe("GET /api/v1/reviews/{seriesId}/weeks/{isoWeek}/agenda", () => {
  it("returns the built agenda in slots with local start times", async () => {
    const world = await reviewWorld();
    const overdue = await world.action("Rotate certificates", world.teams.payments.id, "2026-11-02");
    const token = (await createApiToken(testDb, world.users.member.userId)).secret;
    const response = await get(token, world.series.id, WEEK);
    expect(response.status).toBe(200);
    const agenda = await response.json();
    expect(agenda).toMatchObject({
      isoWeek: WEEK,
      totalSlots: 4,
      series: { id: world.series.id, timeZone: "Europe/Berlin" },
      window: { meetingStartsAt: "2026-11-26T09:00:00.000Z" },
    });
    expect(agenda.items[0]).toMatchObject({ key: "successes", startLabel: "10:00" });
    const actions = agenda.items.find((item: { key: string }) => item.key === "actions");
    expect(actions.detail.overdue.map((action: { id: string }) => action.id)).toEqual([overdue.id]);
  });

  it.each(["2026-W54", "2026-48", "latest"])("answers 400 problem+json for the malformed week %j", async (isoWeek) => {
    const world = await reviewWorld();
    const token = (await createApiToken(testDb, world.users.manager.userId)).secret;
    const response = await get(token, world.series.id, isoWeek);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect((await response.json()).errors).toEqual([{ pointer: "#/isoWeek", detail: "Use an ISO week like 2026-W48." }]);
  });

  it("answers 404 for a series of a team the caller cannot see", async () => {
    const world = await reviewWorld();
    const token = (await createApiToken(testDb, world.users.outsider.userId)).secret;
    expect((await get(token, world.series.id, WEEK)).status).toBe(404);
  });
});
