// Integration: similar COEs, recurrence, the library's visibility rule, promotion and adoption,
// against the test database.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createCoe, saveCoe } from "@/lib/coes/mutations";
import { approvedCoe, coeWorld, completeDocument, testDb } from "@/lib/coes/test-fixtures";
import { createLesson, decideAdoption, draftLessonsFromAnswer, promoteLesson, relateCoes, updateBestPractice } from "@/lib/learnings/mutations";
import { lessonIdsForApi, searchLibrary } from "@/lib/learnings/library";
import { recurrencesOf, relatedCoes } from "@/lib/learnings/queries";
import { similarCoes } from "@/lib/learnings/similar";
import { libraryFilterSchema } from "@/lib/learnings/schemas";

afterAll(() => testDb.$disconnect());

type World = Awaited<ReturnType<typeof coeWorld>>;
const category = (world: World, name: string) => world.categories.find((entry) => entry.name === name)!.id;

const SUBJECTS = [
  "certificate expiry",
  "configuration push",
  "deployment",
  "database failover",
  "cache stampede",
  "third-party API",
  "disk pressure",
  "retry storm",
];

/** 1,000 approved COEs in one statement each for COEs, services and factors: varied subjects, a fifth on the same service, some DNS. */
async function seedBulkCoes(world: World, count: number, extraServiceId: string) {
  const prefix = `bulk_${randomUUID().slice(0, 8)}`;
  await testDb.$executeRawUnsafe(
    `INSERT INTO coes (id, organization_id, team_id, title, severity, status, what_happened, contributing_factors, lessons_learned, started_at, approved_at, created_at, updated_at)
     SELECT '${prefix}_' || g, $1, $2,
       initcap((ARRAY[${SUBJECTS.map((subject) => `'${subject}'`).join(",")}])[1 + g % ${SUBJECTS.length}]) || ' caused errors on service-' || (g % 97),
       'SEV3', 'APPROVED',
       'During the ' || (ARRAY[${SUBJECTS.map((subject) => `'${subject}'`).join(",")}])[1 + g % ${SUBJECTS.length}] || ' incident, requests to the checkout path failed for a share of customers. The on-call engineer rolled back the change.',
       'The safeguard did not fire.', 'Exercise safeguards in staging.',
       now() - (g || ' hours')::interval, now() - (g || ' hours')::interval + interval '1 hour', now() - (g || ' hours')::interval, now()
     FROM generate_series(1, ${count}) g`,
    world.org.id,
    world.teams.checkout.id,
  );
  await testDb.$executeRawUnsafe(
    `INSERT INTO coe_services (coe_id, service_id) SELECT '${prefix}_' || g, CASE WHEN g % 5 = 0 THEN $1 ELSE $2 END FROM generate_series(1, ${count}) g`,
    world.service.id,
    extraServiceId,
  );
  await testDb.$executeRawUnsafe(
    `INSERT INTO contributing_factors (id, coe_id, category_id, description, five_whys, position)
     SELECT '${prefix}_f' || g, '${prefix}_' || g, CASE WHEN g % 10 = 0 THEN $1 ELSE $2 END, 'The safeguard did not fire', ARRAY[]::text[], 0 FROM generate_series(1, ${count}) g`,
    category(world, "DNS"),
    category(world, "Deployment failure"),
  );
}

describe("similar past COEs", () => {
  it("ranks a hand-built near-duplicate first among 1,000 COEs, with why it matched", async () => {
    const world = await coeWorld();
    const other = await testDb.service.create({
      data: { organizationId: world.org.id, teamId: world.teams.checkout.id, name: `other-${randomUUID().slice(0, 6)}` },
    });
    await seedBulkCoes(world, 1000, other.id);
    const dnsFactor = (description: string) => [{ id: randomUUID(), categoryId: category(world, "DNS"), description, fiveWhys: [] }];
    const nearDuplicate = await approvedCoe(world, {
      title: "Checkout resolver returned SERVFAIL after the DNS zone transfer",
      whatHappened: "The internal resolver returned SERVFAIL for the payments zone after a zone transfer failed; checkout could not reach the card processor.",
      factors: dnsFactor("Zone transfer failed silently and the resolver cached SERVFAIL"),
    });
    const draft = await createCoe(world.users.author, { title: "Resolver SERVFAIL for the payments zone", teamId: world.teams.checkout.id, severity: "SEV2" });
    await saveCoe(world.users.author, {
      coeId: draft.id,
      baseVersion: 1,
      document: completeDocument(world, {
        title: "Resolver SERVFAIL for the payments zone",
        whatHappened: "After a zone transfer the resolver answered SERVFAIL for the payments zone and checkout failed.",
        factors: dnsFactor("The zone transfer failed and SERVFAIL was cached"),
        actions: [],
      }),
    });

    const started = performance.now();
    const similar = await similarCoes(world.users.author, draft.id);
    const elapsed = performance.now() - started;
    expect(similar[0]?.id).toBe(nearDuplicate);
    expect(similar[0]?.sharedServices).toEqual([world.service.name]);
    expect(similar[0]?.sharedCategories).toEqual(["DNS"]);
    expect(similar[0]!.textScore).toBeGreaterThan(similar[1]!.textScore);
    expect(similar[0]?.actions.map((action) => action.title)).toEqual(["Automate certificate renewal"]);
    expect(similar).toHaveLength(5);
    expect(elapsed).toBeLessThan(2000);

    // The outsider may not read the checkout draft's team COEs beyond approved ones: never the draft itself.
    await relateCoes(world.users.author, draft.id, nearDuplicate);
    expect((await similarCoes(world.users.author, draft.id))[0]?.related).toBe(true);
    expect((await relatedCoes(world.users.reviewer, nearDuplicate)).map((coe) => coe.id)).toEqual([draft.id]);
  }, 60_000);

  it("flags a recurrence of a COE approved in the previous 180 days, with its verified actions", async () => {
    const world = await coeWorld();
    const earlier = await approvedCoe(world, { startedAt: new Date(Date.now() - 40 * 86_400_000) });
    await testDb.correctiveAction.updateMany({ where: { coeId: earlier }, data: { status: "VERIFIED", verifiedAt: new Date() } });
    const later = await createCoe(world.users.author, { title: "It happened again", teamId: world.teams.checkout.id, severity: "SEV2" });
    await saveCoe(world.users.author, {
      coeId: later.id,
      baseVersion: 1,
      document: completeDocument(world, { title: "It happened again", startedAt: new Date(), actions: [] }),
    });
    const recurrences = await recurrencesOf(world.users.reviewer, later.id);
    expect(recurrences.map((entry) => entry.coeId)).toEqual([earlier]);
    expect(recurrences[0]?.verifiedButRecurred).toBe(1);
    expect(recurrences[0]?.categories).toEqual(["Certificate expiry"]);
  });
});

describe("lessons in the library", () => {
  it("shows a restricted COE's lessons only to those who may read the COE", async () => {
    const world = await coeWorld();
    const open = await approvedCoe(world, { title: "Open incident" });
    const restricted = await approvedCoe(world, { title: "Restricted incident", restricted: true });
    await createLesson(world.users.author, { coeId: open, statement: "Rotate certificates automatically", detail: "", tags: ["certs"], confirmed: true });
    await createLesson(world.users.author, {
      coeId: restricted,
      statement: "Rotate restricted certificates automatically",
      detail: "",
      tags: ["project-x"],
      confirmed: true,
    });
    const filter = libraryFilterSchema.parse({ q: "certificates" });
    const statements = async (user: typeof world.users.author) => (await searchLibrary(user, filter)).lessons.map((lesson) => lesson.statement).toSorted();

    expect(await statements(world.users.outsider)).toEqual(["Rotate certificates automatically"]);
    expect(await statements(world.users.author)).toEqual(["Rotate certificates automatically", "Rotate restricted certificates automatically"]);
    expect(await statements(world.users.admin)).toHaveLength(2);
    expect(await lessonIdsForApi(world.users.outsider, { coeId: restricted }, null, 10)).toEqual([]);

    const page = await searchLibrary(world.users.outsider, libraryFilterSchema.parse({ q: "certificates" }));
    expect(page.lessons[0]?.statementHeadline).toContain("\u0002certificates\u0003");
    expect(page.categories).toEqual([{ id: category(world, "Certificate expiry"), name: "Certificate expiry", lessons: 1, coes: 1 }]);
    expect((await searchLibrary(world.users.outsider, libraryFilterSchema.parse({ tag: "certs" }))).total).toBe(1);
    expect((await searchLibrary(world.users.outsider, libraryFilterSchema.parse({ promoted: "yes" }))).total).toBe(0);
    // Tag choices come from the lessons the reader may read: a restricted COE's tags stay hidden.
    expect(page.choices.tags).toEqual(["certs"]);
    expect((await searchLibrary(world.users.author, libraryFilterSchema.parse({ q: "certificates" }))).choices.tags).toEqual(["certs", "project-x"]);
    expect(page.choices.categories.map((choice) => choice.name)).toContain("Certificate expiry");
  });

  it("drafts lessons from the answer once, and keeps drafts out of the library until confirmed", async () => {
    const world = await coeWorld();
    const coe = await approvedCoe(world, { lessonsLearned: "- Alarms need owners\n- Runbooks need a verification step" });
    expect(await draftLessonsFromAnswer(world.users.author, coe)).toEqual({ created: 2 });
    expect(await draftLessonsFromAnswer(world.users.author, coe)).toEqual({ created: 0 });
    expect((await searchLibrary(world.users.author, libraryFilterSchema.parse({}))).total).toBe(0);
    await expect(draftLessonsFromAnswer(world.users.outsider, coe)).rejects.toThrow(/authors/);
  });
});

describe("best practices", () => {
  it("a reviewer promotes a confirmed lesson, another team adopts it and gets a corrective action", async () => {
    const world = await coeWorld();
    const coe = await approvedCoe(world);
    const lesson = await createLesson(world.users.author, {
      coeId: coe,
      statement: "Alarm 30 days before a certificate expires",
      detail: "",
      tags: [],
      confirmed: true,
    });
    await expect(promoteLesson(world.users.author, { lessonId: lesson.id })).rejects.toThrow(/reviewer or manager/);
    const practice = await promoteLesson(world.users.reviewer, { lessonId: lesson.id });
    expect(practice.coeId).toBe(coe);

    await expect(
      decideAdoption(world.users.author, {
        bestPracticeId: practice.id,
        teamId: world.teams.platform.id,
        status: "ADOPTED",
        reason: "",
        ownerId: world.users.author.userId,
      }),
    ).rejects.toThrow(/members of the team/);
    const adopted = await decideAdoption(world.users.outsider, {
      bestPracticeId: practice.id,
      teamId: world.teams.platform.id,
      status: "ADOPTED",
      reason: "",
      ownerId: world.users.outsider.userId,
    });
    const action = await testDb.correctiveAction.findUniqueOrThrow({ where: { id: adopted.correctiveActionId! } });
    expect(action).toMatchObject({ teamId: world.teams.platform.id, source: "BEST_PRACTICE", coeId: null, ownerId: world.users.outsider.userId });
    expect(adopted.practice.adoptions).toMatchObject([{ teamId: world.teams.platform.id, status: "ADOPTED" }]);
    const library = await searchLibrary(world.users.outsider, libraryFilterSchema.parse({ q: "certificate" }));
    expect(library.practices).toMatchObject([{ id: practice.id, adopted: 1 }]);
    expect(library.practices[0]?.titleHeadline).toContain("\u0002certificate\u0003");
    expect((await searchLibrary(world.users.outsider, libraryFilterSchema.parse({}))).practices).toEqual([]);
    await expect(
      decideAdoption(world.users.outsider, {
        bestPracticeId: practice.id,
        teamId: world.teams.platform.id,
        status: "NOT_APPLICABLE",
        reason: "changed our mind",
      }),
    ).rejects.toThrow(/already adopted/);
    const events = await testDb.domainEvent.findMany({
      where: { organizationId: world.org.id, type: { startsWith: "best_practice." } },
      select: { type: true },
    });
    expect(events.map((event) => event.type).toSorted()).toEqual(["best_practice.adopted", "best_practice.promoted"]);
  });

  it("editing a best practice's title or description writes best_practice.updated; saving the same texts writes nothing", async () => {
    const world = await coeWorld();
    const coe = await approvedCoe(world);
    const lesson = await createLesson(world.users.author, { coeId: coe, statement: "Rotate keys before they expire", detail: "", tags: [], confirmed: true });
    const practice = await promoteLesson(world.users.reviewer, { lessonId: lesson.id });
    const updatedEvents = () => testDb.domainEvent.findMany({ where: { organizationId: world.org.id, type: "best_practice.updated" }, select: { data: true } });

    const same = { bestPracticeId: practice.id, version: practice.version, title: practice.title, description: practice.description };
    expect(await updateBestPractice(world.users.reviewer, same)).toMatchObject({ version: practice.version });
    expect(await updatedEvents()).toEqual([]);

    await expect(updateBestPractice(world.users.outsider, { ...same, title: "Rotate keys every 90 days" })).rejects.toThrow(/promoted this best practice/);
    const edited = await updateBestPractice(world.users.reviewer, { ...same, description: "Automate it with the secrets manager." });
    expect(edited).toMatchObject({ version: practice.version + 1, title: practice.title, description: "Automate it with the secrets manager." });
    await expect(updateBestPractice(world.users.reviewer, { ...same, title: "Stale edit" })).rejects.toThrow(/Someone else changed/);
    expect(await updatedEvents()).toEqual([
      { data: expect.objectContaining({ id: practice.id, description: "Automate it with the secrets manager.", version: 2 }) },
    ]);
  });
});
