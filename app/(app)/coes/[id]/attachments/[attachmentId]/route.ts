import { sessionRoute } from "@/lib/api/session-route";
import { getAttachment } from "@/lib/coes/queries";
import { NotFoundError } from "@/lib/errors";
import { storedFileResponse } from "@/lib/uploads/stored-file";

/** Serves an image only to readers of its COE, with the type sniffed at upload and no sniffing here. */
export const GET = sessionRoute<{ id: string; attachmentId: string }>(async ({ user, params }) => {
  const attachment = await getAttachment(user, params.id, params.attachmentId);
  if (!attachment) throw new NotFoundError("That image");
  return storedFileResponse(attachment, "inline");
});
