import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { bestPracticeCursorSchema, bestPracticeListQuerySchema } from "@/lib/learnings/api-schemas";
import { bestPracticeJson } from "@/lib/learnings/api-json";
import { bestPracticesPage } from "@/lib/learnings/queries";
import { promoteLesson } from "@/lib/learnings/mutations";
import { promoteLessonSchema } from "@/lib/learnings/schemas";

// Best practices are organization-wide: every member reads them (their source COE stays scoped).
export const GET = apiRoute({ query: bestPracticeListQuerySchema }, async ({ user, query }) => {
  const after = readCursor(query.cursor, bestPracticeCursorSchema);
  const rows = await bestPracticesPage(user, after, query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => [row.createdAt.getTime(), row.id]);
  return { data: page.data.map(bestPracticeJson), nextCursor: page.nextCursor };
});

// Promotes a confirmed lesson: a reviewer or manager of the COE's team (checked in promoteLesson).
export const POST = apiRoute({ body: promoteLessonSchema }, async ({ user, body }) => Response.json(await promoteLesson(user, body), { status: 201 }));
