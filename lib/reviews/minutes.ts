import type { Agenda, AgendaItem } from "@/lib/reviews/agenda-types";
import { SECTION_LABELS } from "@/lib/reviews/agenda-types";
import { localDate, localTimeLabel } from "@/lib/reviews/iso-week";

/**
 * The minutes of a published review: the agenda as it stood, with what the meeting recorded. Frozen
 * at publishing (WeeklyReview.minutes), so later data changes never rewrite what was said.
 */
type MinutesItem = { key: string; title: string; section: string; startLabel: string | null; reached: boolean; note: string; decisions: string[] };
export type Minutes = {
  seriesName: string;
  teamName: string;
  isoWeek: string;
  meetingStartsAt: string;
  timeZone: string;
  publishedAt: string;
  attendees: string[];
  items: MinutesItem[];
  deferred: { key: string; title: string }[];
  decisions: { itemKey: string; text: string }[];
  actions: { id: string; title: string; ownerName: string | null; dueDate: string | null }[];
  carried: { key: string; title: string }[];
  subTeams: Agenda["subTeams"];
};

type Recorded = {
  reachedKeys: string[];
  notes: { itemKey: string; body: string }[];
  decisions: { itemKey: string; text: string }[];
  actions: Minutes["actions"];
  attendees: string[];
  publishedAt: string;
};

export function minutesFrom(agenda: Agenda, recorded: Recorded): Minutes {
  const reached = new Set(recorded.reachedKeys);
  const note = (key: string) => recorded.notes.find((entry) => entry.itemKey === key)?.body ?? "";
  const decisionsFor = (key: string) => recorded.decisions.filter((entry) => entry.itemKey === key).map((entry) => entry.text);
  const unreached = (item: AgendaItem) => !reached.has(item.key);
  return {
    seriesName: agenda.series.name,
    teamName: agenda.series.teamName,
    isoWeek: agenda.isoWeek,
    meetingStartsAt: agenda.window.meetingStartsAt,
    timeZone: agenda.series.timeZone,
    publishedAt: recorded.publishedAt,
    attendees: recorded.attendees,
    items: agenda.items.map((item) => ({
      key: item.key,
      title: item.title,
      section: SECTION_LABELS[item.section],
      startLabel: item.startLabel,
      reached: reached.has(item.key),
      note: note(item.key),
      decisions: decisionsFor(item.key),
    })),
    deferred: agenda.deferred.map((item) => ({ key: item.key, title: item.title })),
    decisions: recorded.decisions,
    actions: recorded.actions,
    carried: [...agenda.items.filter(unreached), ...agenda.deferred.filter(unreached)].map((item) => ({ key: item.key, title: item.title })),
    subTeams: agenda.subTeams,
  };
}

/** Reads stored minutes; null for anything that is not minutes. */
export function readMinutes(value: unknown): Minutes | null {
  return value && typeof value === "object" && Array.isArray((value as Minutes).items) ? (value as Minutes) : null;
}

const line = (text: string) => text.replace(/\r?\n/g, " ").trim();

/** The minutes as Markdown, for pasting into a wiki or mail. */
export function minutesToMarkdown(minutes: Minutes): string {
  const out: string[] = [];
  out.push(`# ${minutes.seriesName} — ${minutes.isoWeek}`, "");
  out.push(`Team: ${minutes.teamName}  `, `Meeting: ${meetingLabel(minutes)}  `, `Published: ${minutes.publishedAt.slice(0, 16).replace("T", " ")} UTC`, "");
  out.push("## Attendance", "", minutes.attendees.length > 0 ? minutes.attendees.map((name) => `- ${name}`).join("\n") : "_Not recorded._", "");
  if (minutes.subTeams.length > 0) {
    out.push("## Sub-teams", "", "| Team | Overdue actions | New COEs | MTTR change |", "|---|---:|---:|---:|");
    for (const team of minutes.subTeams)
      out.push(
        `| ${team.teamName} | ${team.overdueActions} | ${team.newCoes} | ${team.mttrChangePct === null ? "—" : `${team.mttrChangePct > 0 ? "+" : ""}${team.mttrChangePct.toFixed(0)}%`} |`,
      );
    out.push("");
  }
  out.push("## Agenda", "");
  for (const item of minutes.items) {
    out.push(`### ${item.startLabel ?? ""} ${line(item.title)}${item.reached ? "" : " (not reached)"}`.replace("###  ", "### "), "");
    if (item.note.trim()) out.push(item.note.trim(), "");
    for (const decision of item.decisions) out.push(`- **Decision:** ${line(decision)}`);
    if (item.decisions.length > 0) out.push("");
  }
  out.push("## Decisions", "", minutes.decisions.length > 0 ? minutes.decisions.map((decision) => `- ${line(decision.text)}`).join("\n") : "_None._", "");
  out.push(
    "## New corrective actions",
    "",
    minutes.actions.length > 0
      ? minutes.actions.map((action) => `- ${line(action.title)} — owner: ${action.ownerName ?? "unassigned"}, due ${action.dueDate ?? "—"}`).join("\n")
      : "_None._",
    "",
  );
  out.push("## Carried to next week", "", minutes.carried.length > 0 ? minutes.carried.map((item) => `- ${line(item.title)}`).join("\n") : "_Nothing._", "");
  return out.join("\n");
}

function meetingLabel(minutes: Minutes): string {
  const startsAt = new Date(minutes.meetingStartsAt);
  return `${localDate(startsAt, minutes.timeZone).toISOString().slice(0, 10)} ${localTimeLabel(startsAt, minutes.timeZone)} ${minutes.timeZone}`;
}
