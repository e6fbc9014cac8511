// The server actions are public endpoints: a user of another team gets nothing through them.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveCoeAction, startReviewThreadAction, transitionCoeAction, restoreRevisionAction } = await import("@/lib/coes/actions");
const { createCoe, saveCoe, transitionCoe } = await import("@/lib/coes/mutations");
const { coeWorld, completeDocument, testDb } = await import("@/lib/coes/test-fixtures");
const { addAttachment } = await import("@/lib/coes/attachment-mutations");
const { GET: exportCoe } = await import("@/app/(app)/coes/[id]/export/route");
const { GET: getImage } = await import("@/app/(app)/coes/[id]/attachments/[attachmentId]/route");

afterAll(() => testDb.$disconnect());
beforeEach(() => {
  session.user = null;
});

describe("COE server actions", () => {
  it("refuse a user of another team on a restricted COE, and leave it unchanged", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Restricted", teamId: world.teams.checkout.id, severity: "SEV1" });
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world, { restricted: true }) });
    await transitionCoe(world.users.author, { coeId: created.id, baseVersion: 2, transition: "submit", note: "" });
    await transitionCoe(world.users.reviewer, { coeId: created.id, baseVersion: 3, transition: "approve", note: "" });

    session.user = world.users.outsider;
    const document = completeDocument(world, { restricted: true, whatHappened: "Tampered" });
    const results = [
      await saveCoeAction({ coeId: created.id, baseVersion: 4, document }),
      await transitionCoeAction({ coeId: created.id, baseVersion: 4, transition: "close", note: "" }),
      await startReviewThreadAction({ coeId: created.id, section: "whatHappened", body: "Let me in" }),
      await restoreRevisionAction({ coeId: created.id, baseVersion: 4, version: 2 }),
    ];
    for (const result of results) expect(result).toMatchObject({ ok: false, status: 404 });
    expect(JSON.stringify(results)).not.toContain("Card payments"); // nothing of the COE leaks in the errors
    const row = await testDb.coe.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.version, row.whatHappened]).toEqual([4, completeDocument(world).whatHappened]);
    expect(await testDb.reviewThread.count({ where: { coeId: created.id } })).toBe(0);
  });

  it("keep the export and the images of a restricted COE from a user of another team", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Restricted", teamId: world.teams.checkout.id, severity: "SEV1" });
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world, { restricted: true }) });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const image = await addAttachment(world.users.author, { coeId: created.id, fileName: "graph.png", bytes: png });
    await transitionCoe(world.users.author, { coeId: created.id, baseVersion: 2, transition: "submit", note: "" });
    await transitionCoe(world.users.reviewer, { coeId: created.id, baseVersion: 3, transition: "approve", note: "" });
    const exportFor = () => exportCoe(new Request(`http://andon.test/coes/${created.id}/export`), { params: Promise.resolve({ id: created.id }) });
    const imageFor = () => getImage(new Request(`http://andon.test${image.url}`), { params: Promise.resolve({ id: created.id, attachmentId: image.id }) });

    session.user = world.users.outsider;
    expect((await exportFor()).status).toBe(404);
    expect((await imageFor()).status).toBe(404);

    session.user = world.users.reviewer;
    const markdown = await exportFor();
    expect(markdown.status).toBe(200);
    expect(await markdown.text()).toContain("## 1. What happened?");
    const served = await imageFor();
    expect([served.status, served.headers.get("content-type"), served.headers.get("x-content-type-options")]).toEqual([200, "image/png", "nosniff"]);
  });

  it("answers a stale save with 409 and the current document", async () => {
    const world = await coeWorld();
    const created = await createCoe(world.users.author, { title: "Stale", teamId: world.teams.checkout.id, severity: "SEV3" });
    await saveCoe(world.users.author, { coeId: created.id, baseVersion: 1, document: completeDocument(world, { lessonsLearned: "Theirs" }) });
    session.user = world.users.author;
    const result = await saveCoeAction({ coeId: created.id, baseVersion: 1, document: completeDocument(world, { lessonsLearned: "Mine" }) });
    expect(result).toMatchObject({ ok: false, status: 409, current: { version: 2, snapshot: { lessonsLearned: "Theirs" } } });
  });

  it("asks anonymous callers to sign in", async () => {
    const result = await transitionCoeAction({ coeId: "anything", baseVersion: 1, transition: "submit", note: "" });
    expect(result).toMatchObject({ ok: false, status: 401 });
  });
});
