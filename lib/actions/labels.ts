import {
  CorrectiveActionPriority,
  CorrectiveActionSource,
  CorrectiveActionStatus,
  CorrectiveActionType,
  VerificationMethod,
} from "@/lib/generated/prisma/enums";

/*
 * The words for the corrective-action enums. The value lists come from Prisma's generated enums (declaration order
 * in the schema is the order forms and filters show), and each label map is typed by its enum, so a value added to
 * the schema fails the typecheck here until it has a label.
 */
export const ACTION_TYPES = Object.values(CorrectiveActionType);
export const ACTION_TYPE_LABELS: Record<CorrectiveActionType, string> = { PREVENT: "Prevent", DETECT: "Detect", MITIGATE: "Mitigate", PROCESS: "Process" };

export const ACTION_PRIORITIES = Object.values(CorrectiveActionPriority);
export const ACTION_PRIORITY_LABELS: Record<CorrectiveActionPriority, string> = { HIGH: "High", MEDIUM: "Medium", LOW: "Low" };

export const ACTION_STATUSES = Object.values(CorrectiveActionStatus);
export const ACTION_STATUS_LABELS: Record<CorrectiveActionStatus, string> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  VERIFIED: "Verified",
  WONT_DO: "Won't do",
};
/** Statuses that count as finished: a COE can close, and an action leaves the open lists, only in these. */
export const FINISHED_ACTION_STATUSES: readonly CorrectiveActionStatus[] = ["DONE", "VERIFIED", "WONT_DO"];

export const VERIFICATION_METHODS = Object.values(VerificationMethod);
export const VERIFICATION_METHOD_LABELS: Record<VerificationMethod, string> = {
  TEST: "A test",
  GAME_DAY: "A game day",
  ALARM_FIRED: "An alarm that fired",
  NO_RECURRENCE: "No recurrence for N days",
  OTHER: "Other proof",
};

export const ACTION_SOURCES = Object.values(CorrectiveActionSource);
export const ACTION_SOURCE_LABELS: Record<CorrectiveActionSource, string> = {
  COE: "COE",
  WEEKLY_REVIEW: "Weekly review",
  ANDON_EVENT: "Andon event",
  STANDALONE: "Standalone",
  GAME_DAY: "Game day",
  BEST_PRACTICE: "Best practice",
};

export const ACTION_VIEWS = ["mine", "team", "all"] as const;
export type ActionView = (typeof ACTION_VIEWS)[number];
export const ACTION_VIEW_LABELS: Record<ActionView, string> = { mine: "My actions", team: "Team actions", all: "All" };

export const ACTION_SORTS = ["due", "dueDesc", "priority", "created", "updated", "title"] as const;
export type ActionSort = (typeof ACTION_SORTS)[number];
export const ACTION_SORT_LABELS: Record<ActionSort, string> = {
  due: "Due date (soonest)",
  dueDesc: "Due date (latest)",
  priority: "Priority",
  created: "Newest",
  updated: "Recently updated",
  title: "Title",
};
