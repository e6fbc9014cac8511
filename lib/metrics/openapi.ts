import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import {
  incidentMetricsSchema,
  incidentQuerySchema,
  metricListQuerySchema,
  metricValueListQuerySchema,
  metricValuePageSchema,
  recordResultSchema,
  serviceMetricPageSchema,
} from "@/lib/metrics/api-schemas";
import { metricPointBatchSchema } from "@/lib/metrics/schemas";

export function registerMetricPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/metrics",
    operationId: "listServiceMetrics",
    tags: ["Metrics"],
    summary: "List key service metrics",
    description:
      "Metric definitions of services owned by teams the caller may see, ordered by id, each with its latest value and flags " +
      "(target breached; week-over-week move beyond the threshold).",
    security: authenticated,
    request: { query: metricListQuerySchema },
    responses: { 200: jsonResponse("A page of metrics.", serviceMetricPageSchema), ...problemResponses(400, 401) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/metrics",
    operationId: "recordMetricValues",
    tags: ["Metrics"],
    summary: "Record metric values",
    description:
      "Up to 10,000 points per request, each naming its service and metric by id or name. All or nothing: if any point is wrong " +
      "(unknown service or metric, no member role on the service's team, bad timestamp) nothing is recorded and every problem is " +
      "listed, pointing at `points/<index>/<field>`. Idempotent: the same service, metric and timestamp again replaces the value, " +
      "so a retried request changes nothing.",
    security: authenticated,
    request: { body: { required: true, content: { "application/json": { schema: metricPointBatchSchema } } } },
    responses: { 200: jsonResponse("What was recorded.", recordResultSchema), ...problemResponses(400, 401, 403, 415) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/metrics/incidents",
    operationId: "getIncidentMetrics",
    tags: ["Metrics"],
    summary: "Incident metrics of a team",
    description:
      "Time to detect, mitigate and resolve (seconds: count, median, p90, mean) for a team and its sub-teams, over the window, the " +
      "window before it and the year before it, by severity, with a weekly trend. Counts approved and closed COEs only.",
    security: authenticated,
    request: { query: incidentQuerySchema },
    responses: { 200: jsonResponse("The figures.", incidentMetricsSchema), ...problemResponses(400, 401, 404) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/metrics/values",
    operationId: "listMetricValues",
    tags: ["Metrics"],
    summary: "List a metric's values",
    description: "One metric's values in time order, optionally between `from` (inclusive) and `to` (exclusive).",
    security: authenticated,
    request: { query: metricValueListQuerySchema },
    responses: { 200: jsonResponse("A page of values.", metricValuePageSchema), ...problemResponses(400, 401, 404) },
  });
}
