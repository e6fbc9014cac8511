import { sessionRoute } from "@/lib/api/session-route";
import { evidenceFileResponse } from "@/lib/verification/evidence-response";
import { getVerificationAttachment } from "@/lib/verification/queries";
import { NotFoundError } from "@/lib/errors";

/** Serves an evidence file only to readers of its service's team. */
export const GET = sessionRoute<{ attachmentId: string }>(async ({ user, params }) => {
  const attachment = await getVerificationAttachment(user, params.attachmentId);
  if (!attachment) throw new NotFoundError("That file");
  return evidenceFileResponse(attachment);
});
