import { problemResponse } from "@/lib/api/problem";
import { getCurrentUser } from "@/lib/auth/session";
import { coeToMarkdown } from "@/lib/coes/export-markdown";
import { portableMarkdown } from "@/lib/coes/export-portable";
import { coeExportImages, getCoeSnapshot } from "@/lib/coes/queries";

/**
 * Markdown download of the whole COE, readable outside Andon: images embedded, links into Andon
 * absolute. Authorizes itself: route handlers do not pass through layouts.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return problemResponse(401, "Sign in to export this COE.");
  const { id } = await params;
  const coe = await getCoeSnapshot(user, id);
  if (!coe) return problemResponse(404, "That COE was not found, or you cannot see it.");
  const slug =
    coe.snapshot.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "coe";
  // coe.id came from the scoped read above.
  const images = await coeExportImages(user, coe.id);
  const markdown = portableMarkdown(coeToMarkdown(coe.snapshot, { id: coe.id, version: coe.version }), {
    coeId: coe.id,
    origin: new URL(request.url).origin,
    images,
  });
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="coe-${slug}.md"`,
      "cache-control": "private, no-store",
    },
  });
}
