import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import { auditEventListQuerySchema, auditEventPageSchema } from "@/lib/audit/api-schemas";

export function registerAuditPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/audit-events",
    operationId: "listAuditEvents",
    tags: ["Audit log"],
    summary: "Read the audit log (admins only)",
    description: "Who changed what in the organization, newest first.",
    security: authenticated,
    request: { query: auditEventListQuerySchema },
    responses: { 200: jsonResponse("A page of audit events.", auditEventPageSchema), ...problemResponses(400, 401, 403) },
  });
}
