/**
 * File downloads: one way to name them. A filename becomes plain ASCII for the `filename`
 * parameter (letters, digits, dot, dash, underscore) and stays whole, UTF-8 encoded, in
 * `filename*` (RFC 6266), so a header can never be broken by a quote, a newline or a path.
 */
export function safeFilename(name: string, fallback = "download"): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 120);
  return ascii || fallback;
}

export function contentDisposition(filename: string, disposition: "attachment" | "inline" = "attachment"): string {
  return `${disposition}; filename="${safeFilename(filename)}"; filename*=UTF-8''${encodeURIComponent(filename.replace(/[\r\n]/g, " "))}`;
}

/** A per-user download: never kept by a shared cache. */
export function downloadResponse(body: BodyInit, options: { filename: string; contentType: string; disposition?: "attachment" | "inline" }): Response {
  return new Response(body, {
    headers: {
      "content-type": options.contentType,
      "content-disposition": contentDisposition(options.filename, options.disposition),
      "cache-control": "private, no-store",
    },
  });
}
