import { publicOrigin } from "@/lib/actions/base-url";
import { feedIcs } from "@/lib/actions/calendar";
import { errorResponse } from "@/lib/api/handler";
import { problemResponse } from "@/lib/api/problem";
import { contentDisposition } from "@/lib/download";

// A calendar app fetches this without a session: the secret in the URL is the credential, and
// the feed holds only the due dates of the feed owner's own open actions. Errors answer like every
// other door: problem+json, and 503 + Retry-After while the database is away, so the app retries.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await params;
    const ics = await feedIcs(token.replace(/\.ics$/, ""), publicOrigin(request.headers));
    if (ics === null) return problemResponse(404, "This calendar feed does not exist or was revoked.");
    return new Response(ics, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "cache-control": "private, max-age=300",
        "content-disposition": contentDisposition("andon-actions.ics", "inline"),
      },
    });
  } catch (error) {
    return errorResponse(error, request, undefined);
  }
}
