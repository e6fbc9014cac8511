import { contentDisposition } from "@/lib/download";

/**
 * An evidence file as an HTTP answer (the page's route and the API): the type sniffed at upload and
 * no sniffing here; images open in the browser, sandboxed; PDFs and text download.
 */
export function evidenceFileResponse(attachment: { fileName: string; contentType: string; sha256: string; data: Uint8Array }): Response {
  const inline = attachment.contentType.startsWith("image/");
  return new Response(new Uint8Array(attachment.data), {
    headers: {
      "content-type": attachment.contentType,
      "content-disposition": contentDisposition(attachment.fileName, inline ? "inline" : "attachment"),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=3600",
      etag: `"${attachment.sha256}"`,
    },
  });
}
