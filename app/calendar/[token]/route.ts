import { publicOrigin } from "@/lib/actions/base-url";
import { feedIcs } from "@/lib/actions/calendar";

// A calendar app fetches this without a session: the secret in the URL is the credential, and
// the feed holds only the due dates of the feed owner's own open actions.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const secret = token.replace(/\.ics$/, "");
  const ics = await feedIcs(secret, publicOrigin(request.headers));
  if (ics === null)
    return new Response("This calendar feed does not exist or was revoked.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "private, max-age=300",
      "content-disposition": 'inline; filename="andon-actions.ics"',
    },
  });
}
