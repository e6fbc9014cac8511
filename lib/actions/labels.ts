/** The words for the enums this domain adds; the action's own enums are labelled in lib/coes/questions.ts. */
export const VERIFICATION_METHODS = ["TEST", "GAME_DAY", "ALARM_FIRED", "NO_RECURRENCE", "OTHER"] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];
export const VERIFICATION_METHOD_LABELS: Record<VerificationMethod, string> = {
  TEST: "A test",
  GAME_DAY: "A game day",
  ALARM_FIRED: "An alarm that fired",
  NO_RECURRENCE: "No recurrence for N days",
  OTHER: "Other proof",
};

export const ACTION_SOURCES = ["COE", "WEEKLY_REVIEW", "ANDON_EVENT", "STANDALONE", "GAME_DAY", "BEST_PRACTICE"] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];
export const ACTION_SOURCE_LABELS: Record<ActionSource, string> = {
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
