import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Minutes } from "../../lib/reviews/minutes";
import { addWeeks, currentIsoWeek, formatIsoWeek, parseIsoWeek, weekWindow } from "../../lib/reviews/iso-week";
import { DEMO_ORG_ID, DEMO_TEAMS } from "./constants";

/**
 * A weekly review series for Retail Engineering (Thursdays 10:00 Berlin, 60 minutes) with last
 * week's meeting published — minutes, a decision, a corrective action created in the meeting, an
 * item carried over — and members' submissions for this week. Fixed ids; weeks relative to today.
 */
const DEMO_REVIEW_SERIES_ID = "review_series_retail";

export async function seedDemoReviews(db: PrismaClient, now = new Date()): Promise<void> {
  const timeZone = "Europe/Berlin";
  const thisWeek = currentIsoWeek(now, timeZone);
  const lastWeek = formatIsoWeek(addWeeks(parseIsoWeek(thisWeek)!, -1));
  const lastWindow = weekWindow(parseIsoWeek(lastWeek)!, { weekday: 4, startMinute: 600, timeZone });
  const at = (minutes: number) => new Date(lastWindow.meetingStartsAt.getTime() + minutes * 60_000);

  await db.reviewSeries.create({
    data: {
      id: DEMO_REVIEW_SERIES_ID,
      organizationId: DEMO_ORG_ID,
      teamId: DEMO_TEAMS.retail.id,
      name: "Retail weekly operational review",
      weekday: 4,
      startMinute: 600,
      timeZone,
      lengthMinutes: 90,
      createdById: "user_manager",
      organizers: { create: [{ userId: "user_manager" }] },
    },
  });

  const carried = [
    {
      key: "custom:demo-pager",
      section: "custom",
      title: "Pager load: who is on call too often?",
      slots: 1,
      description: "Bring last month's page counts per rotation.",
      fromWeek: lastWeek,
    },
  ];
  const minutes: Minutes = {
    seriesName: "Retail weekly operational review",
    teamName: DEMO_TEAMS.retail.name,
    isoWeek: lastWeek,
    meetingStartsAt: lastWindow.meetingStartsAt.toISOString(),
    timeZone,
    publishedAt: at(62).toISOString(),
    attendees: ["Maya Lindqvist", "Mel Fischer", "Rui Tanaka"],
    items: [
      {
        key: "successes",
        title: "Share successes and failings",
        section: "Successes and failings",
        startLabel: "10:00",
        reached: true,
        note: "Checkout ran the Black Friday load test without paging anyone.",
        decisions: [],
      },
      {
        key: "actions",
        title: "Action items follow-up",
        section: "Action items follow-up",
        startLabel: "10:15",
        reached: true,
        note: "Two payment actions are overdue; owners gave new dates.",
        decisions: ["Payments gets one sprint to clear its overdue actions before escalation."],
      },
      {
        key: "metrics",
        title: "Key service metrics",
        section: "Key service metrics",
        startLabel: "10:30",
        reached: true,
        note: "checkout-api latency p99 back under target after the connection-pool fix.",
        decisions: [],
      },
      { key: "custom:demo-pager", title: carried[0]!.title, section: "Other", startLabel: "10:45", reached: false, note: "", decisions: [] },
    ],
    deferred: [],
    decisions: [{ itemKey: "actions", text: "Payments gets one sprint to clear its overdue actions before escalation." }],
    actions: [
      {
        id: "review_demo_action_1",
        title: "Publish a load-test checklist for peak events",
        ownerName: "Mel Fischer",
        dueDate: at(60 * 24 * 14)
          .toISOString()
          .slice(0, 10),
      },
    ],
    carried: carried.map((item) => ({ key: item.key, title: item.title })),
    subTeams: [],
  };

  const published = await db.weeklyReview.create({
    data: {
      id: "weekly_review_demo_last",
      organizationId: DEMO_ORG_ID,
      seriesId: DEMO_REVIEW_SERIES_ID,
      isoWeek: lastWeek,
      status: "PUBLISHED",
      version: 9,
      agendaEdits: {
        order: [],
        removed: [],
        slots: {},
        pinned: [],
        custom: [{ key: "custom:demo-pager", title: carried[0]!.title, description: carried[0]!.description, section: "custom", slots: 1 }],
      },
      reachedItemKeys: ["successes", "actions", "metrics"],
      startedAt: at(0),
      publishedAt: at(62),
      minutes,
      carriedOver: carried,
      notes: {
        create: minutes.items.filter((item) => item.note).map((item) => ({ itemKey: item.key, body: item.note, authorId: "user_manager" })),
      },
      decisions: { create: [{ itemKey: "actions", text: minutes.decisions[0]!.text, authorId: "user_manager" }] },
      attendance: { create: [{ userId: "user_manager" }, { userId: "user_member" }, { userId: "user_reviewer" }] },
    },
  });
  await db.correctiveAction.create({
    data: {
      id: "review_demo_action_1",
      organizationId: DEMO_ORG_ID,
      teamId: DEMO_TEAMS.checkout.id,
      title: minutes.actions[0]!.title,
      description: `Created in the weekly review Retail weekly operational review, ${lastWeek}.`,
      ownerId: "user_member",
      type: "PROCESS",
      priority: "MEDIUM",
      dueDate: new Date(`${minutes.actions[0]!.dueDate}T00:00:00Z`),
      source: "WEEKLY_REVIEW",
      weeklyReviewId: published.id,
      createdById: "user_manager",
    },
  });
  await db.reviewWheelPick.create({ data: { seriesId: DEMO_REVIEW_SERIES_ID, serviceId: "svc_checkout", isoWeek: lastWeek } });

  await db.weeklyReview.create({
    data: {
      id: "weekly_review_demo_this",
      organizationId: DEMO_ORG_ID,
      seriesId: DEMO_REVIEW_SERIES_ID,
      isoWeek: thisWeek,
      submissions: {
        create: [
          {
            kind: "SUCCESS",
            title: "Zero customer-facing incidents in Cart this week",
            body: "First clean week since the pricing migration.",
            authorId: "user_member",
          },
          {
            kind: "FAILING",
            title: "Search reindex ran four hours late",
            body: "The job was starved by the nightly export; nobody was paged.",
            authorId: "user_reviewer",
          },
          {
            kind: "BEST_PRACTICE",
            title: "Every alarm links its runbook",
            body: "Checkout did it after COE 3; proposing it for all Retail services.",
            authorId: "user_member",
          },
        ],
      },
    },
  });
}
