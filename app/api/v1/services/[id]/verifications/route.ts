import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { neverVerifiedJson, verificationJson } from "@/lib/verification/api-json";
import { recordVerification } from "@/lib/verification/mutations";
import { serviceVerifications } from "@/lib/verification/queries";
import { recordVerificationSchema } from "@/lib/verification/schemas";
import { recordVerificationBodySchema, serviceIdParamsSchema } from "@/lib/verification/api-schemas";

async function cardJson(user: Parameters<typeof serviceVerifications>[0], serviceId: string) {
  const data = await serviceVerifications(user, serviceId, 5);
  if (!data) throw new NotFoundError("The service");
  const now = new Date();
  return {
    serviceId: data.service.id,
    tier: data.service.tier?.tier ?? null,
    data: data.dimensions.map(({ dimension, current, history }) => ({
      ...(current ? verificationJson({ ...current, serviceId, dimensionKey: dimension.key }, now) : neverVerifiedJson(serviceId, dimension.key)),
      dimensionName: dimension.name,
      history: history.map((record) => ({
        id: record.id,
        result: record.result,
        method: record.method,
        performedAt: record.performedAt.toISOString(),
        evidence: record.evidence,
        links: record.links,
        gameDayRunId: record.gameDayRunId,
        attachments: record.attachments.map((file) => ({ ...file, url: `/api/v1/verification-attachments/${file.id}` })),
      })),
    })),
  };
}

/** A service's verification per dimension (readers of the owning team). */
export const GET = apiRoute({ params: serviceIdParamsSchema }, async ({ user, params }) => cardJson(user, params.id));

/** Records a verification (members of the owning team); the body is validated like the form. */
export const POST = apiRoute({ params: serviceIdParamsSchema, body: recordVerificationBodySchema }, async ({ user, params, body }) => {
  const input = recordVerificationSchema.parse({ ...body, serviceId: params.id });
  await recordVerification(user, input);
  return Response.json(await cardJson(user, params.id), { status: 201 });
});
