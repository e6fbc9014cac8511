import { ExperimentVerdict } from "@/lib/generated/prisma/enums";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { authenticated, jsonResponse, problemResponses } from "@/lib/api/openapi-components";
import { experimentParamsSchema, gameDayApiListQuerySchema, gameDayIdParamsSchema, journalBodySchema } from "@/lib/game-days/api-schemas";
import { createGameDaySchema } from "@/lib/game-days/schemas";
import { recordVerificationBodySchema, serviceIdParamsSchema, verificationsQuerySchema } from "@/lib/verification/api-schemas";

const anyObject = z.record(z.string(), z.unknown());

/** Verification and game-day paths (lib/verification, lib/game-days). */
export function registerVerificationPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/services/{id}/verifications",
    operationId: "listServiceVerifications",
    tags: ["Verification"],
    summary: "A service's verification per dimension",
    description:
      "Status (VERIFIED, EXPIRING, EXPIRED, FAILED, NEVER, NOT_APPLICABLE), last verification, expiry, RTO/RPO and the latest records. Readers of the owning team.",
    security: authenticated,
    request: { params: serviceIdParamsSchema },
    responses: { 200: jsonResponse("The service's verifications.", anyObject), ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/services/{id}/verifications",
    operationId: "recordServiceVerification",
    tags: ["Verification"],
    summary: "Record a verification",
    description:
      "`dimensionId`, `result` (PASSED, FAILED, NOT_APPLICABLE with `notApplicableReason`), `method` (GAME_DAY, AUTOMATED_TEST, RESTORE_TEST, TABLETOP, MANUAL_CHECK), " +
      "`evidence` (Markdown) and/or `links`, optional `performedAt`, RTO/RPO targets and observed minutes. Members of the owning team.",
    security: authenticated,
    request: { params: serviceIdParamsSchema, body: { required: true, content: { "application/json": { schema: recordVerificationBodySchema } } } },
    responses: { 201: jsonResponse("The service's verifications after the record.", anyObject), ...problemResponses(400, 401, 403, 404, 415) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/verifications",
    operationId: "verificationGrid",
    tags: ["Verification"],
    summary: "Services × dimensions grid of a team subtree",
    description: "A page of 50 services (`page`) of `teamId`'s subtree with one cell per dimension, and % verified per dimension rolled up per sub-team.",
    security: authenticated,
    request: { query: verificationsQuerySchema },
    responses: { 200: jsonResponse("The grid.", anyObject), ...problemResponses(400, 401, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/game-days",
    operationId: "listGameDays",
    tags: ["Game days"],
    summary: "List game days",
    security: authenticated,
    request: { query: gameDayApiListQuerySchema },
    responses: { 200: jsonResponse("A page of game days.", anyObject), ...problemResponses(400, 401) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/game-days",
    operationId: "createGameDay",
    tags: ["Game days"],
    summary: "Plan a game day",
    description:
      "Optionally with its first experiment from a template (`templateKey`, `parameters`, validated and shell-safe). The caller must be allowed to record " +
      "verifications for the team and for every service named (in `serviceIds` or as the experiment's `serviceId`): a held run verifies them. Otherwise 403.",
    security: authenticated,
    request: { body: { required: true, content: { "application/json": { schema: createGameDaySchema } } } },
    responses: { 201: jsonResponse("The new game day's id.", z.object({ id: z.string() })), ...problemResponses(400, 401, 403, 415) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/game-days/{id}",
    operationId: "getGameDay",
    tags: ["Game days"],
    summary: "Read a game day with its experiments and runs",
    security: authenticated,
    request: { params: gameDayIdParamsSchema },
    responses: { 200: jsonResponse("The game day.", anyObject), ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/game-days/{id}/experiments/{experimentId}/export",
    operationId: "exportExperiment",
    tags: ["Game days"],
    summary: "Export an experiment as a Chaos Toolkit experiment file",
    description: "`title, description, steady-state-hypothesis, method, rollbacks` with process and HTTP providers, for `chaos run experiment.json`.",
    security: authenticated,
    request: { params: experimentParamsSchema },
    responses: { 200: jsonResponse("The experiment file.", anyObject), ...problemResponses(401, 404) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/game-days/{id}/journal",
    operationId: "importJournal",
    tags: ["Game days"],
    summary: "Import a Chaos Toolkit journal.json",
    description:
      "The journal itself as the body, or `{experimentId, journal}`. A held hypothesis verifies the experiment's service in its dimension; the same journal imported again " +
      "answers 200 with `duplicate: true` and changes nothing. A malformed journal is a 400 that says what is wrong and names the field (`#/journal/start`): " +
      "`start` and `end` must be ISO 8601 date-times (naive ones are UTC) between the years 1900 and 2999, not in the future. NUL characters are dropped. " +
      "`status` and `deviated` are required, and a completed run must hold at least one probe or activity run: a journal that tested nothing verifies nothing. " +
      "A held run for a service the caller may not verify is a 403.",
    security: authenticated,
    request: { params: gameDayIdParamsSchema, body: { required: true, content: { "application/json": { schema: journalBodySchema } } } },
    responses: {
      201: jsonResponse(
        "The run.",
        z.object({ runId: z.string(), verdict: z.enum(ExperimentVerdict), duplicate: z.boolean(), verificationRecorded: z.boolean() }),
      ),
      ...problemResponses(400, 401, 403, 404, 415),
    },
  });
}
