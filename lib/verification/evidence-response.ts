import { storedFileResponse } from "@/lib/uploads/stored-file";

/** An evidence file as an HTTP answer (the page's route and the API): images open in the browser, sandboxed; PDFs and text download. */
export function evidenceFileResponse(attachment: { fileName: string; contentType: string; sha256: string; data: Uint8Array }): Response {
  return storedFileResponse(attachment, attachment.contentType.startsWith("image/") ? "inline" : "attachment");
}
