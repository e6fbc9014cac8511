import { z } from "zod";

/**
 * The notification kinds a person may turn off in account settings, grouped as the settings page
 * shows them. Action reminders (assigned, due, overdue, escalated) stay on: they are the mechanism.
 */
export const OPTIONAL_NOTIFICATION_GROUPS = [
  {
    title: "COE reviews",
    kinds: [
      { kind: "COE_SUBMITTED", label: "A COE on your team is submitted for your review" },
      { kind: "COE_CHANGES_REQUESTED", label: "A reviewer requests changes on your COE" },
      { kind: "COE_APPROVED", label: "Your COE is approved" },
      { kind: "COE_CLOSED", label: "Your COE is closed" },
      { kind: "REVIEW_COMMENT", label: "A comment or reply in a review thread you take part in" },
    ],
  },
  {
    title: "Corrective actions",
    kinds: [{ kind: "ACTION_AWAITING_VERIFICATION", label: "An action on your team is done and waits for verification" }],
  },
  {
    title: "Weekly reviews",
    kinds: [
      { kind: "AGENDA_READY", label: "The agenda of your weekly review is ready" },
      { kind: "MINUTES_PUBLISHED", label: "Minutes of a review you attended are published" },
    ],
  },
  {
    title: "Learnings",
    kinds: [{ kind: "LEARNINGS_DIGEST", label: "A weekly digest: new best practices, and lessons from your teams' COEs approved that week" }],
  },
] as const;

export type OptionalNotificationKind = (typeof OPTIONAL_NOTIFICATION_GROUPS)[number]["kinds"][number]["kind"];
const OPTIONAL_NOTIFICATION_KINDS = OPTIONAL_NOTIFICATION_GROUPS.flatMap((group) => group.kinds.map((entry) => entry.kind)) as [
  OptionalNotificationKind,
  ...OptionalNotificationKind[],
];

export const notificationPreferenceSchema = z.object({ kind: z.enum(OPTIONAL_NOTIFICATION_KINDS), enabled: z.boolean() });
