import { problemResponse } from "@/lib/api/problem";
import { sessionRoute } from "@/lib/api/session-route";
import { IMAGE_RULE } from "@/lib/coes/image";
import { declaredTooLarge } from "@/lib/uploads/file-rules";
import { addAttachment } from "@/lib/coes/attachment-mutations";

/**
 * Image upload from the editor (multipart, field `file`). A route handler rather than a server
 * action because server actions cap bodies at 1 MB; the same mutation checks the rights and bytes.
 */
export const POST = sessionRoute<{ id: string }>(
  async ({ request, user, params }) => {
    if (declaredTooLarge(request, IMAGE_RULE)) return problemResponse(413, IMAGE_RULE.tooLarge);
    // A body that is not multipart form data (or is cut short) is the caller's mistake, not ours.
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File))
      return problemResponse(400, "Send the image as multipart/form-data with a field named file.", { fieldErrors: { file: ["Choose an image to upload."] } });
    const attachment = await addAttachment(user, { coeId: params.id, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return Response.json(attachment, { status: 201 });
  },
  { signIn: "Sign in again to upload; your text is kept in this browser." },
);
