// The browser's route handlers (downloads, images, the upload, the agenda's item data) and the
// calendar feed answer every refusal the same way: 401 problem+json without a session, 404 problem+json for a record of
// another team's subtree, so a page's script reads `detail` whatever the door.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { coeWorld, testDb: coeDb } = await import("@/lib/coes/test-fixtures");
const { reviewWorld, WEEK, testDb: reviewDb } = await import("@/lib/reviews/test-fixtures");
const { createCoe } = await import("@/lib/coes/mutations");
const { addAttachment } = await import("@/lib/coes/attachment-mutations");
const routes = {
  coeExport: (await import("@/app/(app)/coes/[id]/export/route")).GET,
  coeImage: (await import("@/app/(app)/coes/[id]/attachments/[attachmentId]/route")).GET,
  coeUpload: (await import("@/app/(app)/coes/[id]/attachments/route")).POST,
  seriesCalendar: (await import("@/app/(app)/reviews/[seriesId]/calendar/route")).GET,
  itemData: (await import("@/app/(app)/reviews/[seriesId]/weeks/[isoWeek]/item-data/route")).GET,
  minutesExport: (await import("@/app/(app)/reviews/[seriesId]/weeks/[isoWeek]/export/route")).GET,
  calendarFeed: (await import("@/app/calendar/[token]/route")).GET,
};

afterAll(async () => {
  await coeDb.$disconnect();
  await reviewDb.$disconnect();
});
beforeEach(() => {
  session.user = null;
});

type Door = { name: string; owner: () => CurrentUser; outsider: () => CurrentUser; call: () => Promise<Response> };
let doors: Door[] = [];
let reviews: Awaited<ReturnType<typeof reviewWorld>>;

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const get = (path: string) => new Request(`http://andon.test${path}`);

beforeAll(async () => {
  const coes = await coeWorld();
  reviews = await reviewWorld();
  const coe = await createCoe(coes.users.author, { title: "Checkout: card payments failed", teamId: coes.teams.checkout.id, severity: "SEV2" });
  const image = await addAttachment(coes.users.author, { coeId: coe.id, fileName: "graph.png", bytes: png });
  const series = { seriesId: reviews.series.id };
  const week = { ...series, isoWeek: WEEK };
  const coeAuthor = () => coes.users.author;
  const coeOutsider = () => coes.users.outsider;
  const reviewMember = () => reviews.users.member;
  const reviewOutsider = () => reviews.users.outsider;
  doors = [
    {
      name: "the COE export",
      owner: coeAuthor,
      outsider: coeOutsider,
      call: () => routes.coeExport(get(`/coes/${coe.id}/export`), { params: Promise.resolve({ id: coe.id }) }),
    },
    {
      name: "a COE image",
      owner: coeAuthor,
      outsider: coeOutsider,
      call: () => routes.coeImage(get(image.url), { params: Promise.resolve({ id: coe.id, attachmentId: image.id }) }),
    },
    {
      name: "the COE image upload",
      owner: coeAuthor,
      outsider: coeOutsider,
      call: () => {
        const form = new FormData();
        form.set("file", new File([png], "graph.png", { type: "image/png" }));
        return routes.coeUpload(new Request(`http://andon.test/coes/${coe.id}/attachments`, { method: "POST", body: form }), {
          params: Promise.resolve({ id: coe.id }),
        });
      },
    },
    {
      name: "the series calendar",
      owner: reviewMember,
      outsider: reviewOutsider,
      call: () => routes.seriesCalendar(get(`/reviews/${series.seriesId}/calendar`), { params: Promise.resolve(series) }),
    },
    {
      name: "an agenda item's data",
      owner: reviewMember,
      outsider: reviewOutsider,
      call: () => routes.itemData(get(`/reviews/${series.seriesId}/weeks/${WEEK}/item-data?key=any`), { params: Promise.resolve(week) }),
    },
    {
      name: "the minutes export",
      owner: reviewMember,
      outsider: reviewOutsider,
      call: () => routes.minutesExport(get(`/reviews/${series.seriesId}/weeks/${WEEK}/export`), { params: Promise.resolve(week) }),
    },
  ];
}, 120_000);

async function expectProblem(answer: Response, status: number): Promise<string> {
  expect(answer.status).toBe(status);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await answer.json()) as { status: number; detail: string };
  expect(problem.status).toBe(status);
  return problem.detail;
}

describe("session route handlers", () => {
  it("answer 401 problem+json without a session", async () => {
    for (const door of doors) {
      const detail = await expectProblem(await door.call(), 401);
      expect(detail, door.name).toMatch(/^Sign in/);
    }
  });

  it("answer 404 problem+json to a user of another subtree, naming nothing of the record", async () => {
    for (const door of doors) {
      session.user = door.outsider();
      const answer = await door.call();
      const detail = await expectProblem(answer, 404);
      expect(detail, door.name).toMatch(/not found, or you cannot see/);
      expect(detail, door.name).not.toMatch(/Checkout|Retail/);
    }
  });

  it("name downloads with the one download helper: a safe ASCII filename and the whole name in UTF-8", async () => {
    session.user = reviews.users.member;
    const calendar = await doors.find((door) => door.name === "the series calendar")!.call();
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get("content-disposition")).toBe(`attachment; filename="Retail-weekly.ics"; filename*=UTF-8''Retail%20weekly.ics`);
    expect(calendar.headers.get("cache-control")).toBe("private, no-store");

    const coeExport = doors[0]!;
    session.user = coeExport.owner();
    const markdown = await coeExport.call();
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get("content-disposition")).toBe(
      `attachment; filename="coe-Checkout-card-payments-failed.md"; filename*=UTF-8''coe-Checkout%3A%20card%20payments%20failed.md`,
    );
  });

  it("tell the agenda's Data disclosure, in `detail`, that an item left the agenda", async () => {
    session.user = reviews.users.member;
    const detail = await expectProblem(await doors.find((door) => door.name === "an agenda item's data")!.call(), 404);
    expect(detail).toMatch(/no longer on the agenda/);
  });

  it("leave the calendar feed to its secret, refusing an unknown one with the same 404 problem+json", async () => {
    for (const token of ["cal_not-a-feed.ics", "nothing-like-a-secret"]) {
      const answer = await routes.calendarFeed(get(`/calendar/${token}`), { params: Promise.resolve({ token }) });
      expect(await expectProblem(answer, 404)).toMatch(/does not exist or was revoked/);
    }
  });
});
