import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import { pageSchema, paginationQuerySchema } from "@/lib/api/pagination";

const windowBody = z
  .object({
    teamId: z.string(),
    serviceIds: z.array(z.string()).optional().meta({ description: "Limit the window to these services of the team's subtree (default: the whole subtree)." }),
    reason: z.string(),
    startsAt: z.string().meta({ description: "ISO 8601 instant, or a local time (2026-12-24T16:00) in timeZone. The first occurrence's start." }),
    endsAt: z.string().meta({ description: "Must be after startsAt." }),
    timeZone: z.string().optional().meta({ description: "IANA time zone (default UTC)." }),
    rrule: z.string().nullable().optional().meta({
      description:
        "RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=FR (daily or slower; INTERVAL 1–1000; no BYHOUR, BYMINUTE or BYSECOND: the start sets the time of day). The rule must start a window within 10 years, and a repeating window lasts at most 366 days.",
    }),
    environments: z.array(z.string()).optional().meta({ description: "Environments the window applies to (default: all)." }),
  })
  .meta({ id: "FreezeWindowCreate" });
const windowSchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    serviceIds: z.array(z.string()),
    reason: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    timeZone: z.string(),
    rrule: z.string().nullable(),
    environments: z.array(z.string()),
    nextOccurrences: z.array(z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() })),
  })
  .meta({ id: "FreezeWindow" });
const idParams = z.object({ id: z.string() });

export function registerFreezeWindowPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/freeze-windows",
    operationId: "listFreezeWindows",
    tags: ["Andon cord"],
    summary: "List freeze windows that are running or still to come",
    description: "By first start, earliest first; pages with `limit` and `cursor`.",
    security: authenticated,
    request: { query: paginationQuerySchema },
    responses: { 200: jsonResponse("A page of windows.", pageSchema(windowSchema)), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/freeze-windows",
    operationId: "createFreezeWindow",
    tags: ["Andon cord"],
    summary: "Schedule a freeze window",
    description: "A manager of the team. The deploy gate answers 423 inside it. End before start or a bad RRULE is a 400 naming the field.",
    security: authenticated,
    request: { body: { required: true, content: { "application/json": { schema: windowBody } } } },
    responses: { 201: jsonResponse("The window.", windowSchema), ...problemResponses(400, 401, 403, 404, 415) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/freeze-windows/{id}",
    operationId: "getFreezeWindow",
    tags: ["Andon cord"],
    summary: "Read a freeze window",
    security: authenticated,
    request: { params: idParams },
    responses: { 200: jsonResponse("The window.", windowSchema), ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/freeze-windows/{id}",
    operationId: "deleteFreezeWindow",
    tags: ["Andon cord"],
    summary: "Remove a freeze window",
    security: authenticated,
    request: { params: idParams },
    responses: { 204: { description: "Removed." }, ...problemResponses(401, 403, 404) },
  });
}
