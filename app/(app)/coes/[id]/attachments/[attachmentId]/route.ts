import { problemResponse } from "@/lib/api/problem";
import { getCurrentUser } from "@/lib/auth/session";
import { getAttachment } from "@/lib/coes/queries";
import { storedFileResponse } from "@/lib/uploads/stored-file";

/** Serves an image only to readers of its COE, with the type sniffed at upload and no sniffing here. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return problemResponse(401, "Sign in to see this image.");
  const { id, attachmentId } = await params;
  const attachment = await getAttachment(user, id, attachmentId);
  if (!attachment) return problemResponse(404, "That image was not found, or you cannot see it.");
  return storedFileResponse(attachment, "inline");
}
