import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { attachmentIdParamsSchema } from "@/lib/verification/api-schemas";
import { evidenceFileResponse } from "@/lib/verification/evidence-response";
import { getVerificationAttachment } from "@/lib/verification/queries";

/** An evidence file's bytes, for readers of its service's team. */
export const GET = apiRoute({ params: attachmentIdParamsSchema }, async ({ user, params }) => {
  const attachment = await getVerificationAttachment(user, params.id);
  if (!attachment) throw new NotFoundError("The file");
  return evidenceFileResponse(attachment);
});
