/**
 * The built agenda, as pages, the meeting view, the minutes and the API see it. Plain JSON
 * (dates as ISO strings) so the same object is rendered, exported and returned by the API.
 */
export const AGENDA_SECTIONS = ["successes", "actions", "coes", "metrics", "bestPractices", "custom"] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

export const SECTION_LABELS: Record<AgendaSection, string> = {
  successes: "Successes and failings",
  actions: "Action items follow-up",
  coes: "Review COEs",
  metrics: "Key service metrics",
  bestPractices: "New best practices",
  custom: "Other",
};

export type CoeRef = {
  id: string;
  title: string;
  severity: string;
  status: string;
  teamName: string;
  approvedAt: string | null;
  submittedAt: string | null;
  createdAt: string;
};
export type ActionRef = {
  id: string;
  title: string;
  status: string;
  priority: string;
  dueDate: string | null;
  ownerName: string | null;
  teamName: string;
  daysOverdue: number | null;
  version: number;
};
export type MetricRef = {
  id: string;
  name: string;
  unit: string;
  serviceId: string;
  serviceName: string;
  latestValue: number | null;
  target: number | null;
  direction: "UP" | "DOWN";
  thisWeek: number | null;
  lastWeek: number | null;
  flags: string[];
};
export type SubmissionRef = { id: string; kind: "SUCCESS" | "FAILING" | "BEST_PRACTICE"; title: string; body: string; authorName: string | null };
export type LessonRef = { coeId: string; coeTitle: string; lessons: string };

/**
 * What one data source outside the review domain (Andon cords, game days, policy findings)
 * brings to an agenda item: a titled list of entries in one shape, so the agenda, the meeting view
 * and the API show any source without knowing it. Built by a provider in lib/reviews/agenda-sources.ts.
 */
export type SourceBadge = { label: string; tone: "red" | "amber" | "green" | "neutral" };
export type SourceEntry = {
  id: string;
  title: string;
  href: string;
  /** One line of context: who, when, how long. */
  meta: string;
  badges: SourceBadge[];
  links: { label: string; href: string }[];
};
export type SourceBlock = { source: string; title: string; empty: string; entries: SourceEntry[] };

export type AgendaDetail =
  | {
      kind: "successes";
      coesOpened: CoeRef[];
      coesApproved: CoeRef[];
      actionsCompleted: ActionRef[];
      submissions: SubmissionRef[];
      /** Blocks from other domains' providers (the week's Andon cords, …). */
      sources: SourceBlock[];
    }
  | { kind: "actions"; overdue: ActionRef[]; dueThisWeek: ActionRef[]; escalated: ActionRef[] }
  | { kind: "coe"; coe: CoeRef }
  /** The COE review: the COEs its slots hold (most severe first), and those deferred to next week. */
  | { kind: "coeList"; coes: CoeRef[]; deferred?: CoeRef[] }
  /** Flagged metrics, and blocks beside them (the subtree's policy findings). */
  | { kind: "metrics"; metrics: MetricRef[]; sources: SourceBlock[] }
  | { kind: "wheel"; service: { id: string; name: string; teamName: string } | null; metrics: MetricRef[] }
  | { kind: "bestPractices"; lessons: LessonRef[]; proposals: SubmissionRef[] }
  | { kind: "custom"; description: string };

/**
 * An item as the data suggests it, before the organizer's edits. `typical` marks the five items of
 * every review, which custom and carried items never push out unless pinned; `minSlots` is how far
 * a growable item (the COE review) may shrink when the meeting is short.
 */
export type BuiltItem = { key: string; section: AgendaSection; title: string; slots: number; detail: AgendaDetail; typical?: boolean; minSlots?: number };

/** An item after edits: its slot count and flags as the organizer left them. */
export type AgendaItem = BuiltItem & { pinned: boolean; custom: boolean; carriedFrom: string | null; slotsEdited: boolean };
export type ScheduledItem = AgendaItem & { startSlot: number; startsAt: string; startLabel: string };

/** What a published review carries into next week's agenda. */
export type CarriedItem = { key: string; section: AgendaSection; title: string; slots: number; description: string; fromWeek: string };

export type SubTeamLine = {
  teamId: string;
  teamName: string;
  overdueActions: number;
  newCoes: number;
  mttrHours: number | null;
  previousMttrHours: number | null;
  mttrChangePct: number | null;
};

export type Agenda = {
  series: { id: string; name: string; teamId: string; teamName: string; timeZone: string; weekday: number; startMinute: number; lengthMinutes: number };
  isoWeek: string;
  window: { from: string; to: string; meetingDate: string; meetingStartsAt: string };
  review: { id: string | null; status: "PLANNED" | "RUNNING" | "PUBLISHED"; version: number };
  items: ScheduledItem[];
  deferred: AgendaItem[];
  /** Items the organizer removed, so they can be restored. */
  removed: { key: string; title: string }[];
  totalSlots: number;
  usedSlots: number;
  overrunSlots: number;
  subTeams: SubTeamLine[];
};
