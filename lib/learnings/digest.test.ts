// The weekly learnings digest job's work: per person, the week's new best practices (organization-
// wide) and confirmed lessons of COEs approved that week in their teams' subtrees; once per week even
// when the job runs twice, nothing for an empty week, nothing for people who turned it off in account
// settings. It scans every organization, so this file has a database of its own (vitest.config.ts).
import { afterAll, describe, expect, it } from "vitest";
import { approvedCoe, coeWorld, testDb } from "@/lib/coes/test-fixtures";
import { sendLearningsDigests } from "@/lib/learnings/digest";
import { createLesson, promoteLesson } from "@/lib/learnings/mutations";

afterAll(() => testDb.$disconnect());

const DAY = 86_400_000;

describe("learnings digest", () => {
  it("tells each member what their subtree learned this week, once, and nobody who opted out or had an empty week", async () => {
    const world = await coeWorld();
    const coeId = await approvedCoe(world);
    const lesson = await createLesson(world.users.author, {
      coeId,
      statement: "Renew certificates automatically",
      detail: "",
      tags: [],
      confirmed: true,
    });
    await createLesson(world.users.author, { coeId, statement: "Alarm 30 days before expiry", detail: "", tags: [], confirmed: true });
    await createLesson(world.users.author, { coeId, statement: "Not confirmed yet", detail: "", tags: [], confirmed: false });
    await promoteLesson(world.users.reviewer, { lessonId: lesson.id });
    const people = [world.users.author, world.users.reviewer, world.users.outsider, world.users.admin].map((user) => user.userId);
    const digests = () =>
      testDb.notification.findMany({
        where: { userId: { in: people }, kind: "LEARNINGS_DIGEST" },
        select: { userId: true, title: true, href: true, dedupeKey: true },
        orderBy: { title: "asc" },
      });

    // A week with nothing in it for this organization: nobody here is told.
    await sendLearningsDigests(new Date(Date.now() - 30 * DAY));
    expect(await digests()).toEqual([]);

    // The reviewer turned the digest off in account settings.
    await testDb.notificationOptOut.create({ data: { userId: world.users.reviewer.userId, kind: "LEARNINGS_DIGEST" } });
    const now = new Date();
    await sendLearningsDigests(now);
    await sendLearningsDigests(new Date(now.getTime() + 60_000));
    const sent = await digests(); // by title: the shorter digest first
    const from = new Date(now.getTime() - 7 * DAY).toISOString().slice(0, 10);
    // Checkout's author: the practice and both confirmed lessons; Platform's manager: the practice only;
    // the admin is on no team. One each, though the job ran twice.
    expect(sent.map(({ userId, title, href }) => ({ userId, title, href }))).toEqual([
      { userId: world.users.outsider.userId, title: "Learnings this week: 1 new best practice", href: `/learnings?from=${from}&sort=recent` },
      {
        userId: world.users.author.userId,
        title: "Learnings this week: 1 new best practice, 2 lessons from your teams' COEs",
        href: `/learnings?from=${from}&sort=recent`,
      },
    ]);
    expect(new Set(sent.map((digest) => digest.dedupeKey)).size).toBe(1);
    expect(sent[0]!.dedupeKey).toMatch(/^learnings-digest:\d{4}-W\d{2}$/);

    // Turned back on: the next week's digest reaches the reviewer (Retail, above Checkout) too.
    await testDb.notificationOptOut.deleteMany({ where: { userId: world.users.reviewer.userId } });
    await testDb.coe.update({ where: { id: coeId }, data: { approvedAt: new Date(now.getTime() + 6 * DAY) } });
    await testDb.bestPractice.updateMany({ where: { organizationId: world.org.id }, data: { createdAt: new Date(now.getTime() + 6 * DAY) } });
    await sendLearningsDigests(new Date(now.getTime() + 7 * DAY));
    const reviewer = (await digests()).filter((digest) => digest.userId === world.users.reviewer.userId);
    expect(reviewer.map((digest) => digest.title)).toEqual(["Learnings this week: 1 new best practice, 2 lessons from your teams' COEs"]);
  });
});
