import { apiRoute } from "@/lib/api/handler";
import { attachmentBodySchema, recordAttachmentParamsSchema } from "@/lib/verification/api-schemas";
import { addVerificationAttachment } from "@/lib/verification/attachment-mutations";

/** Attaches an evidence file to one of the service's verification records (members of the owning team). */
export const POST = apiRoute({ params: recordAttachmentParamsSchema, body: attachmentBodySchema }, async ({ user, params, body }) => {
  const attachment = await addVerificationAttachment(user, {
    serviceId: params.id,
    recordId: params.recordId,
    fileName: body.fileName,
    bytes: new Uint8Array(Buffer.from(body.contentBase64, "base64")),
  });
  return Response.json({ ...attachment, url: `/api/v1/verification-attachments/${attachment.id}` }, { status: 201 });
});
