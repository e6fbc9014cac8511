import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import {
  adoptionResultSchema,
  bestPracticeListQuerySchema,
  bestPracticePageSchema,
  bestPracticeSchema,
  idParamsSchema,
  lessonListQuerySchema,
  lessonPageSchema,
  lessonSchema,
  similarCoeListSchema,
} from "@/lib/learnings/api-schemas";
import { adoptionDecisionSchema, createLessonSchema, promoteLessonSchema } from "@/lib/learnings/schemas";

export function registerLearningPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/lessons",
    operationId: "listLessons",
    tags: ["Learnings"],
    summary: "List lessons",
    description:
      "Confirmed lessons of the COEs the caller may read (a restricted COE's lessons only for its readers), newest first. Filters: `q` (full text), " +
      "`categoryId`, `serviceId`, `teamId` (with sub-teams), `tag`, `promoted`; `coeId` lists one COE's lessons, drafts included.",
    security: authenticated,
    request: { query: lessonListQuerySchema },
    responses: { 200: jsonResponse("A page of lessons.", lessonPageSchema), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/lessons",
    operationId: "createLesson",
    tags: ["Learnings"],
    summary: "Add a lesson to a COE",
    description: "Authors of the COE and writers of its team. `categoryIds` and `serviceIds` default to the COE's; `confirmed: false` adds a draft.",
    security: authenticated,
    request: { body: { required: true, content: { "application/json": { schema: createLessonSchema.meta({ id: "LessonCreate" }) } } } },
    responses: { 201: jsonResponse("The new lesson.", lessonSchema), ...problemResponses(400, 401, 403, 404, 415) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/best-practices",
    operationId: "listBestPractices",
    tags: ["Learnings"],
    summary: "List best practices",
    description: "The organization's best practices, newest first, with each team's adoption decision.",
    security: authenticated,
    request: { query: bestPracticeListQuerySchema },
    responses: { 200: jsonResponse("A page of best practices.", bestPracticePageSchema), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/best-practices",
    operationId: "promoteLesson",
    tags: ["Learnings"],
    summary: "Promote a lesson to a best practice",
    description: "A reviewer or manager of the COE's team promotes a confirmed lesson; `title` and `description` default to the lesson's.",
    security: authenticated,
    request: { body: { required: true, content: { "application/json": { schema: promoteLessonSchema.meta({ id: "BestPracticePromote" }) } } } },
    responses: { 201: jsonResponse("The new best practice.", bestPracticeSchema), ...problemResponses(400, 401, 403, 404, 415) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/best-practices/{id}",
    operationId: "getBestPractice",
    tags: ["Learnings"],
    summary: "Read a best practice",
    security: authenticated,
    request: { params: idParamsSchema },
    responses: { 200: jsonResponse("The best practice.", bestPracticeSchema), ...problemResponses(400, 401, 404) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/best-practices/{id}/adopt",
    operationId: "adoptBestPractice",
    tags: ["Learnings"],
    summary: "Record a team's adoption decision",
    description:
      "`status: ADOPTED` creates a corrective action for the team (source BEST_PRACTICE; `ownerId` required, `dueDate` defaults to 30 days) or links " +
      "`policyRuleId`; `NOT_APPLICABLE` needs a `reason`. Members and managers of the team.",
    security: authenticated,
    request: {
      params: idParamsSchema,
      body: { required: true, content: { "application/json": { schema: adoptionDecisionSchema.meta({ id: "BestPracticeAdoptionDecision" }) } } },
    },
    responses: {
      201: jsonResponse("The practice with its adoptions, and the new action.", adoptionResultSchema),
      ...problemResponses(400, 401, 403, 404, 415),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/coes/{id}/similar",
    operationId: "listSimilarCoes",
    tags: ["Learnings"],
    summary: "Similar past COEs",
    description:
      "Up to five COEs (not drafts) the caller may read that share services, contributing-factor categories or words with this COE, best first, with why they matched, their lessons and their corrective actions.",
    security: authenticated,
    request: { params: idParamsSchema },
    responses: { 200: jsonResponse("Similar COEs.", similarCoeListSchema), ...problemResponses(400, 401, 404) },
  });
}
