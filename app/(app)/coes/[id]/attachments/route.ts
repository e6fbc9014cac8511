import { problemResponse } from "@/lib/api/problem";
import { getCurrentUser } from "@/lib/auth/session";
import { isUserError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { IMAGE_RULE } from "@/lib/coes/image";
import { declaredTooLarge } from "@/lib/uploads/file-rules";
import { addAttachment } from "@/lib/coes/attachment-mutations";

/**
 * Image upload from the editor (multipart, field `file`). A route handler rather than a server
 * action because server actions cap bodies at 1 MB; the same mutation checks the rights and bytes.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return problemResponse(401, "Sign in again to upload; your text is kept in this browser.");
  const { id } = await params;
  if (declaredTooLarge(request, IMAGE_RULE)) return problemResponse(413, IMAGE_RULE.tooLarge);
  // A body that is not multipart form data (or is cut short) is the caller's mistake, not ours.
  const form = await request.formData().catch(() => null);
  if (!form)
    return problemResponse(400, "Send the image as multipart/form-data with a field named file.", { fieldErrors: { file: ["Choose an image to upload."] } });
  try {
    const file = form.get("file");
    if (!(file instanceof File)) return problemResponse(400, "Choose an image to upload.", { fieldErrors: { file: ["Choose an image to upload."] } });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const attachment = await addAttachment(user, { coeId: id, fileName: file.name, bytes });
    return Response.json(attachment, { status: 201 });
  } catch (error) {
    if (isUserError(error)) return problemResponse(error.status, error.message, { fieldErrors: error.fieldErrors });
    logError("image upload failed", error, { userId: user.userId, coeId: id });
    return problemResponse(500, "The image could not be stored. Try again in a moment.");
  }
}
