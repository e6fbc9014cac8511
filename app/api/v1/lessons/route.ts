import { apiRoute } from "@/lib/api/handler";
import { pageOf, readCursor } from "@/lib/api/pagination";
import { lessonCursorSchema, lessonListQuerySchema } from "@/lib/learnings/api-schemas";
import { lessonJson } from "@/lib/learnings/api-json";
import { lessonsInOrder } from "@/lib/learnings/queries";
import { lessonIdsForApi } from "@/lib/learnings/library";
import { createLesson } from "@/lib/learnings/mutations";
import { createLessonSchema } from "@/lib/learnings/schemas";

// Lessons of the COEs the caller may read (lib/learnings/library.ts applies the COE visibility rule).
export const GET = apiRoute({ query: lessonListQuerySchema }, async ({ user, query }) => {
  const after = readCursor(query.cursor, lessonCursorSchema);
  const ids = await lessonIdsForApi(
    user,
    { q: query.q, category: query.categoryId, service: query.serviceId, team: query.teamId, tag: query.tag, promoted: query.promoted, coeId: query.coeId },
    after,
    query.limit + 1,
  );
  const ordered = await lessonsInOrder(user, ids);
  const page = pageOf(ordered, query.limit, (row) => [row.createdAt.getTime(), row.id]);
  return { data: page.data.map(lessonJson), nextCursor: page.nextCursor };
});

// The same write path as the COE page: authors and the COE team's writers (checked in createLesson).
export const POST = apiRoute({ body: createLessonSchema }, async ({ user, body }) => Response.json(await createLesson(user, body), { status: 201 }));
