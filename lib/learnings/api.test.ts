// The learnings API through its route handlers with real tokens: lessons written by the COE's team
// and read with the COE's visibility, cursor pages, promotion by reviewers only, a team adopting a
// practice (and getting its action), similar COEs of readable COEs only, problem+json on bad input.
import { callRoute as call } from "@/lib/api/test-route";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { GET: listLessonsApi, POST: createLessonApi } = await import("@/app/api/v1/lessons/route");
const { GET: listPracticesApi, POST: promoteApi } = await import("@/app/api/v1/best-practices/route");
const { GET: getPracticeApi } = await import("@/app/api/v1/best-practices/[id]/route");
const { POST: adoptApi } = await import("@/app/api/v1/best-practices/[id]/adopt/route");
const { GET: similarApi } = await import("@/app/api/v1/coes/[id]/similar/route");
const { createApiToken } = await import("@/prisma/seed/factories");
const { approvedCoe, coeWorld, testDb } = await import("@/lib/coes/test-fixtures");

afterAll(() => testDb.$disconnect());

describe("learnings API", () => {
  it("lessons: written by the COE's team, read with the COE's visibility, in cursor pages", async () => {
    const world = await coeWorld();
    const [author, outsider] = await Promise.all(
      [world.users.author, world.users.outsider].map(async (user) => (await createApiToken(testDb, user.userId)).secret),
    );
    const open = await approvedCoe(world, { title: "Open certificate incident" });
    const restricted = await approvedCoe(world, { title: "Restricted certificate incident", restricted: true });

    const tooLong = await call(createLessonApi, "POST", "/api/v1/lessons", author!, { coeId: open, statement: "x".repeat(281) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.type).toContain("application/problem+json");
    expect(JSON.stringify(tooLong.json)).toContain("statement");
    expect((await call(createLessonApi, "POST", "/api/v1/lessons", outsider!, { coeId: open, statement: "Renew certificates early" })).status).toBe(403);

    for (const statement of ["Renew certificates automatically", "Alarm 30 days before certificate expiry", "Keep a certificate inventory"]) {
      const created = await call(createLessonApi, "POST", "/api/v1/lessons", author!, { coeId: open, statement, tags: ["certs"] });
      expect(created.status).toBe(201);
    }
    expect((await call(createLessonApi, "POST", "/api/v1/lessons", author!, { coeId: restricted, statement: "Rotate restricted certificates" })).status).toBe(
      201,
    );

    // Two pages of two; the restricted COE's lesson only for its team.
    const first = await call(listLessonsApi, "GET", "/api/v1/lessons?tag=certs&limit=2", outsider!);
    expect(first.status).toBe(200);
    expect(first.json.data).toHaveLength(2);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await call(listLessonsApi, "GET", `/api/v1/lessons?tag=certs&limit=2&cursor=${encodeURIComponent(first.json.nextCursor!)}`, outsider!);
    expect(second.json.data).toHaveLength(1);
    expect(second.json.nextCursor).toBeNull();
    const seen = [...first.json.data!, ...second.json.data!].map((lesson) => lesson.statement);
    expect(new Set(seen).size).toBe(3);
    expect((await call(listLessonsApi, "GET", `/api/v1/lessons?coeId=${restricted}`, outsider!)).json.data).toEqual([]);
    expect((await call(listLessonsApi, "GET", `/api/v1/lessons?coeId=${restricted}`, author!)).json.data!.map((lesson) => lesson.statement)).toContain(
      "Rotate restricted certificates",
    );
    expect((await call(listLessonsApi, "GET", "/api/v1/lessons?cursor=not-a-cursor", author!)).status).toBe(400);
    expect((await call(listLessonsApi, "GET", "/api/v1/lessons?limit=0", author!)).status).toBe(400);

    // Similar past COEs: of a COE the caller reads, never of one they do not.
    const similar = await call(similarApi, "GET", `/api/v1/coes/${open}/similar`, outsider!, undefined, { id: open });
    expect(similar.status).toBe(200);
    expect(similar.json.data!.some((entry) => entry.id === restricted)).toBe(false);
    expect((await call(similarApi, "GET", `/api/v1/coes/${restricted}/similar`, outsider!, undefined, { id: restricted })).status).toBe(404);
    expect((await call(similarApi, "GET", `/api/v1/coes/${restricted}/similar`, author!, undefined, { id: restricted })).json.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: open })]),
    );
  });

  it("best practices: promoted by a reviewer, read by everyone, adopted by a team that gets an action", async () => {
    const world = await coeWorld();
    const [author, reviewer, outsider] = await Promise.all(
      [world.users.author, world.users.reviewer, world.users.outsider].map(async (user) => (await createApiToken(testDb, user.userId)).secret),
    );
    const coeId = await approvedCoe(world);
    const lesson = await call(createLessonApi, "POST", "/api/v1/lessons", author!, { coeId, statement: "Renew certificates automatically" });
    const lessonId = lesson.json.id as string;

    expect((await call(promoteApi, "POST", "/api/v1/best-practices", author!, { lessonId })).status).toBe(403);
    const promoted = await call(promoteApi, "POST", "/api/v1/best-practices", reviewer!, { lessonId, title: "Automate certificate renewal" });
    expect(promoted.status).toBe(201);
    const practiceId = promoted.json.id as string;
    expect(promoted.json).toMatchObject({ title: "Automate certificate renewal", lessonId, coeId, promotedById: world.users.reviewer.userId });
    expect((await call(promoteApi, "POST", "/api/v1/best-practices", reviewer!, { lessonId })).status).toBe(400);

    const listed = await call(listPracticesApi, "GET", "/api/v1/best-practices", outsider!);
    expect(listed.json.data!.map((practice) => practice.id)).toContain(practiceId);
    expect((await call(getPracticeApi, "GET", `/api/v1/best-practices/${practiceId}`, outsider!, undefined, { id: practiceId })).status).toBe(200);
    expect((await call(getPracticeApi, "GET", "/api/v1/best-practices/nope", outsider!, undefined, { id: "nope" })).status).toBe(404);

    const adoptPath = `/api/v1/best-practices/${practiceId}/adopt`;
    const params = { id: practiceId };
    const noOwner = await call(adoptApi, "POST", adoptPath, outsider!, { teamId: world.teams.platform.id }, params);
    expect(noOwner.status).toBe(400);
    expect(noOwner.json.errors).toEqual([expect.objectContaining({ pointer: "#/ownerId" })]);
    // Platform's manager decides for Platform, not for Checkout.
    const dueDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (await call(adoptApi, "POST", adoptPath, outsider!, { teamId: world.teams.checkout.id, ownerId: world.users.outsider.userId, dueDate }, params)).status,
    ).toBe(403);
    const adopted = await call(
      adoptApi,
      "POST",
      adoptPath,
      outsider!,
      { teamId: world.teams.platform.id, ownerId: world.users.outsider.userId, dueDate },
      params,
    );
    expect(adopted.status).toBe(201);
    const actionId = adopted.json.correctiveActionId as string;
    expect(await testDb.correctiveAction.findUniqueOrThrow({ where: { id: actionId }, select: { teamId: true, source: true, ownerId: true } })).toEqual({
      teamId: world.teams.platform.id,
      source: "BEST_PRACTICE",
      ownerId: world.users.outsider.userId,
    });
    const practice = await call(getPracticeApi, "GET", `/api/v1/best-practices/${practiceId}`, author!, undefined, params);
    expect(practice.json.adoptions).toEqual([expect.objectContaining({ teamId: world.teams.platform.id, status: "ADOPTED", correctiveActionId: actionId })]);
  });
});
