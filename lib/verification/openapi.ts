import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import {
  attachmentBodySchema,
  attachmentIdParamsSchema,
  dimensionIdParamsSchema,
  dimensionPatchSchema,
  recordAttachmentParamsSchema,
} from "@/lib/verification/api-schemas";

const dimensionSchema = z
  .object({
    id: z.string(),
    key: z.string().meta({ description: "Stable slug used in policy facts (`verification.<key>.status`); a rename keeps it." }),
    name: z.string(),
    description: z.string(),
    position: z.int(),
    builtIn: z.boolean().meta({ description: "One of the five dimensions from the seed: renamable, never archived." }),
    tracksRecovery: z.boolean(),
    intervalDays: z.int().meta({ description: "A passed verification expires after this many days…" }),
    tier1IntervalDays: z.int().nullable().meta({ description: "…or after this many for tier 1 services (null: the interval applies)." }),
    tier2IntervalDays: z.int().nullable(),
    tier3IntervalDays: z.int().nullable(),
    archived: z.boolean(),
    archivedAt: z.iso.datetime().nullable(),
    version: z.int().meta({ description: "Send it back with a PATCH; a stale one is a 409." }),
  })
  .meta({ id: "VerificationDimension" });

// The handlers parse with createDimensionSchema and dimensionsQuerySchema (which coerce form strings);
// these describe the same fields as JSON types.
const createBody = z
  .object({
    name: z.string().max(100),
    description: z.string().max(1000).optional(),
    intervalDays: z.int().min(1).max(3650).optional().meta({ description: "Default 90." }),
    tier1IntervalDays: z.int().min(1).max(3650).nullable().optional().meta({ description: "Default 30; null: the interval applies to tier 1 too." }),
    tracksRecovery: z.boolean().optional().meta({ description: "Whether verifications record RTO/RPO targets and observed values." }),
  })
  .meta({ id: "VerificationDimensionCreate" });
const listQuery = z.object({ includeArchived: z.enum(["true", "false"]).optional() });

/** Verification dimensions (lib/verification/dimension-mutations.ts): read by everyone, changed by admins and managers of top-level teams. */
export function registerVerificationDimensionPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/verification-dimensions",
    operationId: "listVerificationDimensions",
    tags: ["Verification"],
    summary: "List the organization's verification dimensions",
    description: "In grid order; archived ones only with `includeArchived=true`.",
    security: authenticated,
    request: { query: listQuery },
    responses: { 200: jsonResponse("The dimensions.", z.object({ data: z.array(dimensionSchema) })), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/verification-dimensions",
    operationId: "createVerificationDimension",
    tags: ["Verification"],
    summary: "Add a dimension of the organization's own",
    description: "An admin or a manager of a top-level team. The key is derived from the name; a name already in use is a 400 naming the field.",
    security: authenticated,
    request: { body: { required: true, content: { "application/json": { schema: createBody } } } },
    responses: { 201: jsonResponse("The new dimension.", dimensionSchema), ...problemResponses(400, 401, 403, 415) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/verification-dimensions/{id}",
    operationId: "getVerificationDimension",
    tags: ["Verification"],
    summary: "Read a verification dimension",
    security: authenticated,
    request: { params: dimensionIdParamsSchema },
    responses: { 200: jsonResponse("The dimension.", dimensionSchema), ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/verification-dimensions/{id}",
    operationId: "updateVerificationDimension",
    tags: ["Verification"],
    summary: "Rename, change intervals, archive or restore a dimension",
    description:
      "Fields left out keep their value. Changing an interval moves the expiry of every passed verification in the dimension. " +
      "Built-in dimensions cannot be archived (400). An admin or a manager of a top-level team.",
    security: authenticated,
    request: { params: dimensionIdParamsSchema, body: { required: true, content: { "application/json": { schema: dimensionPatchSchema } } } },
    responses: { 200: jsonResponse("The dimension as saved.", dimensionSchema), ...problemResponses(400, 401, 403, 404, 409, 415) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/services/{id}/verifications/records/{recordId}/attachments",
    operationId: "attachVerificationEvidence",
    tags: ["Verification"],
    summary: "Attach an evidence file to a verification record",
    description:
      "`fileName` and `contentBase64`. PNG, JPEG, WebP, PDF or UTF-8 text, recognised from the bytes; at most 5 MB and 10 files per record. " +
      "Members of the service's team. The record ids are in the `history` of GET /api/v1/services/{id}/verifications.",
    security: authenticated,
    request: { params: recordAttachmentParamsSchema, body: { required: true, content: { "application/json": { schema: attachmentBodySchema } } } },
    responses: {
      201: jsonResponse("The stored file.", z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), byteSize: z.int(), url: z.string() })),
      ...problemResponses(400, 401, 403, 404, 415),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/verification-attachments/{id}",
    operationId: "getVerificationEvidence",
    tags: ["Verification"],
    summary: "Download an evidence file",
    description: "The bytes with the type recognised at upload. Readers of the service's team.",
    security: authenticated,
    request: { params: attachmentIdParamsSchema },
    responses: { 200: { description: "The file." }, ...problemResponses(401, 404) },
  });
}
