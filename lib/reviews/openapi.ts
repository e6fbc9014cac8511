import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import { agendaJsonSchema, agendaParamsSchema } from "@/lib/reviews/api-schemas";

export function registerReviewPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/reviews/{seriesId}/weeks/{isoWeek}/agenda",
    operationId: "getWeeklyReviewAgenda",
    tags: ["Reviews"],
    summary: "The built agenda of a week's review",
    description:
      "Builds the weekly operational metrics review agenda for the ISO week from the data of the series' team and its sub-teams: " +
      "successes and failings, overdue and due actions, COEs to review, flagged metrics and the wheel pick, new best practices, " +
      "with the organizers' edits applied, in fifteen-minute slots with local start times; what does not fit is listed as deferred. " +
      "Needs read access to the series' team. A malformed week is a 400.",
    security: authenticated,
    request: { params: agendaParamsSchema },
    responses: { 200: jsonResponse("The agenda.", agendaJsonSchema), ...problemResponses(400, 401, 404) },
  });
}
