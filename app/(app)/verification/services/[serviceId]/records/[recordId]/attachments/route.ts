import { problemResponse } from "@/lib/api/problem";
import { sessionRoute } from "@/lib/api/session-route";
import { addVerificationAttachment } from "@/lib/verification/attachment-mutations";
import { declaredTooLarge } from "@/lib/uploads/file-rules";
import { EVIDENCE_FILE_RULE } from "@/lib/verification/evidence-file";

/**
 * An evidence file for a verification record, from the service's verification page (multipart, field
 * `file`). A route handler rather than a server action because server actions cap bodies at 1 MB; the
 * mutation checks the caller's rights, the bytes and the per-record limit.
 */
export const POST = sessionRoute<{ serviceId: string; recordId: string }>(async ({ request, user, params }) => {
  if (declaredTooLarge(request, EVIDENCE_FILE_RULE)) return problemResponse(413, EVIDENCE_FILE_RULE.tooLarge);
  // A body that is not multipart form data (or is cut short) is the caller's mistake, not ours.
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File))
    return problemResponse(400, "Send the file as multipart/form-data with a field named file.", { fieldErrors: { file: ["Choose a file to attach."] } });
  const attachment = await addVerificationAttachment(user, {
    serviceId: params.serviceId,
    recordId: params.recordId,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return Response.json(attachment, { status: 201 });
});
