import type { Metadata } from "next";
import { headers } from "next/headers";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { publicOrigin } from "@/lib/actions/base-url";
import { activeFeed } from "@/lib/actions/calendar";
import { CalendarFeedControls } from "./feed-controls";

export const metadata: Metadata = { title: "Calendar feed" };

export default async function CalendarFeedPage() {
  const user = await requirePageUser();
  const feed = await activeFeed(user.userId);
  const origin = publicOrigin(await headers());
  return (
    <>
      <BackLink href="/actions" label="All actions" />
      <PageHeader
        title="Calendar feed"
        description="Subscribe in your calendar app to see the due dates of the open actions you own, the deploy freezes reaching your teams and your teams' game days. The URL is secret: anyone with it can read those titles."
      />
      <Card>
        <CardHeader title={feed ? "Your feed is active" : "No feed yet"} />
        <CardBody className="space-y-4 text-sm text-slate-700">
          {feed ? (
            <p>
              Created <DateTime value={feed.createdAt} />
              {feed.lastUsedAt ? (
                <>
                  , last read by a calendar <DateTime value={feed.lastUsedAt} />
                </>
              ) : (
                ", not read by a calendar yet"
              )}
              . The URL is shown only once; create a new one if you lost it (the old one stops working).
            </p>
          ) : (
            <p>
              Create a feed URL and add it to your calendar app as a subscription (“From URL” in Google Calendar, “New Calendar Subscription” in Apple
              Calendar).
            </p>
          )}
          <CalendarFeedControls origin={origin} hasFeed={feed !== null} />
        </CardBody>
      </Card>
    </>
  );
}
