import { sessionRoute } from "@/lib/api/session-route";
import { coeToMarkdown } from "@/lib/coes/export-markdown";
import { portableMarkdown } from "@/lib/coes/export-portable";
import { coeExportImages, getCoeSnapshot } from "@/lib/coes/queries";
import { downloadResponse } from "@/lib/download";
import { NotFoundError } from "@/lib/errors";

/**
 * Markdown download of the whole COE, readable outside Andon: images embedded, links into Andon
 * absolute. Authorizes itself: route handlers do not pass through layouts.
 */
export const GET = sessionRoute<{ id: string }>(async ({ request, user, params }) => {
  const coe = await getCoeSnapshot(user, params.id);
  if (!coe) throw new NotFoundError("That COE");
  // coe.id came from the scoped read above.
  const images = await coeExportImages(user, coe.id);
  const markdown = portableMarkdown(coeToMarkdown(coe.snapshot, { id: coe.id, version: coe.version }), {
    coeId: coe.id,
    origin: new URL(request.url).origin,
    images,
  });
  return downloadResponse(markdown, { filename: `coe-${coe.snapshot.title.slice(0, 60)}.md`, contentType: "text/markdown; charset=utf-8" });
});
