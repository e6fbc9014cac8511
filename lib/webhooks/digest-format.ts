import { escapeSlack, googleChatCardMessage, teamsCardMessage, type ChatFormat } from "@/lib/webhooks/chat-formats";

/**
 * The weekly digest (`review.weekly_digest`): what a raw endpoint receives as `data`, and the chat
 * message the chat formats get. Lists hold the first DIGEST_LIST_LIMIT entries; `total` counts all.
 * Paths are relative to Andon's origin, like the other events' `path`.
 */
export const DIGEST_LIST_LIMIT = 20;
/** Entries per list in a chat message: a digest is read at a glance, the link opens the rest. */
const CHAT_LIST_LIMIT = 5;

type DigestList<T> = { total: number; items: T[] };
type DigestOverdueAction = {
  id: string;
  title: string;
  teamName: string;
  ownerName: string | null;
  dueDate: string;
  daysOverdue: number;
  path: string;
};
type DigestNewCoe = { id: string; title: string; severity: string; status: string; teamName: string; createdAt: string; path: string };
export type DigestMetricBreach = {
  id: string;
  name: string;
  unit: string;
  serviceId: string;
  serviceName: string;
  teamName: string;
  latestValue: number;
  target: number;
  direction: "UP" | "DOWN";
  path: string;
};

/** What the subtree's digest is made of, read by lib/reviews/weekly-digest.ts. */
export type WeeklyDigestContent = {
  overdueActions: DigestList<DigestOverdueAction>;
  newCoes: DigestList<DigestNewCoe>;
  metricBreaches: DigestList<DigestMetricBreach>;
};

export type WeeklyDigestData = WeeklyDigestContent & {
  isoWeek: string;
  /** The week the new COEs are counted in (the announced review's week, in its series' time zone). */
  weekStart: string;
  weekEnd: string;
  /** The endpoint's team subtree; null: the whole organization. */
  teamId: string | null;
  teamName: string | null;
  /** The review whose agenda was announced and brought the digest. */
  review: { id: string; seriesId: string; seriesName: string; teamId: string; path: string };
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function digestTitle(data: Pick<WeeklyDigestData, "teamName" | "isoWeek">): string {
  return `Weekly digest — ${data.teamName ?? "whole organization"}, ${data.isoWeek}`;
}

/** "3 corrective actions overdue, 1 new COE, no metric breaches". */
function digestCounts(data: WeeklyDigestContent): string {
  return [
    data.overdueActions.total === 0
      ? "no corrective actions overdue"
      : `${plural(data.overdueActions.total, "corrective action", "corrective actions")} overdue`,
    data.newCoes.total === 0 ? "no new COEs" : plural(data.newCoes.total, "new COE", "new COEs"),
    data.metricBreaches.total === 0 ? "no metric breaches" : plural(data.metricBreaches.total, "metric breach", "metric breaches"),
  ].join(", ");
}

type Section = { heading: string; lines: { label: string; url: string; detail: string }[]; more: number };

function sections(data: WeeklyDigestData, origin: string): Section[] {
  const section = <T>(heading: string, list: DigestList<T>, line: (entry: T) => Section["lines"][number]): Section => {
    const lines = list.items.slice(0, CHAT_LIST_LIMIT).map(line);
    return { heading, lines, more: list.total - lines.length };
  };
  return [
    section(`⚠️ Overdue corrective actions (${data.overdueActions.total})`, data.overdueActions, (action) => ({
      label: action.title,
      url: `${origin}${action.path}`,
      detail: `${action.teamName}, ${plural(action.daysOverdue, "day", "days")} overdue${action.ownerName ? `, owner ${action.ownerName}` : ""}`,
    })),
    section(`New COEs this week (${data.newCoes.total})`, data.newCoes, (coe) => ({
      label: coe.title,
      url: `${origin}${coe.path}`,
      detail: `${coe.severity}, ${coe.teamName}, ${coe.status.toLowerCase().replace("_", " ")}`,
    })),
    section(`📉 Metric breaches (${data.metricBreaches.total})`, data.metricBreaches, (metric) => ({
      label: `${metric.serviceName}: ${metric.name}`,
      url: `${origin}${metric.path}`,
      detail: `${metric.latestValue}${metric.unit} against a target of ${metric.direction === "UP" ? "≥" : "≤"} ${metric.target}${metric.unit}`,
    })),
  ];
}

const moreLine = (more: number) => (more > 0 ? `…and ${more} more` : "");

/** The request body of a chat endpoint's digest: a few lines per list, each linked, and the agenda's link. */
export function digestChatMessage(format: ChatFormat, data: WeeklyDigestData, origin: string): Record<string, unknown> {
  const title = digestTitle(data);
  const summary = `📋 ${title}: ${digestCounts(data)}`;
  const agendaUrl = `${origin}${data.review.path}`;
  const agendaLabel = `Open the agenda of ${data.review.seriesName}`;
  const parts = sections(data, origin).filter((part) => part.lines.length > 0);
  switch (format) {
    case "SLACK":
      return {
        text: `${summary} — ${agendaUrl}`,
        blocks: [
          { type: "header", text: { type: "plain_text", text: title.slice(0, 150), emoji: true } },
          { type: "section", text: { type: "mrkdwn", text: escapeSlack(digestCounts(data)) } },
          ...parts.map((part) => ({
            type: "section",
            text: {
              type: "mrkdwn",
              text: [
                `*${escapeSlack(part.heading)}*`,
                ...part.lines.map((line) => `• <${line.url}|${escapeSlack(line.label)}> — ${escapeSlack(line.detail)}`),
                moreLine(part.more),
              ]
                .filter(Boolean)
                .join("\n")
                .slice(0, 3000),
            },
          })),
          { type: "context", elements: [{ type: "mrkdwn", text: `<${agendaUrl}|${escapeSlack(agendaLabel)}>` }] },
        ],
      };
    case "TEAMS":
      return teamsCardMessage(
        [
          { type: "TextBlock", text: `📋 ${title}`, weight: "Bolder", size: "Medium", wrap: true },
          { type: "TextBlock", text: digestCounts(data), wrap: true, spacing: "None" },
          ...parts.flatMap((part) => [
            { type: "TextBlock", text: part.heading, weight: "Bolder", wrap: true, spacing: "Medium" },
            {
              type: "TextBlock",
              text: [...part.lines.map((line) => `- [${escapeMarkdown(line.label)}](${line.url}) — ${escapeMarkdown(line.detail)}`), moreLine(part.more)]
                .filter(Boolean)
                .join("\n"),
              wrap: true,
            },
          ]),
        ],
        [{ type: "Action.OpenUrl", title: agendaLabel, url: agendaUrl }],
      );
    case "GOOGLE_CHAT":
      return googleChatCardMessage(summary, "andon-weekly-digest", {
        header: { title: `📋 ${title}`, subtitle: digestCounts(data) },
        sections: [
          ...parts.map((part) => ({
            header: escapeHtml(part.heading),
            widgets: [
              {
                textParagraph: {
                  text: [
                    ...part.lines.map((line) => `• <a href="${escapeHtml(line.url)}">${escapeHtml(line.label)}</a> — ${escapeHtml(line.detail)}`),
                    moreLine(part.more),
                  ]
                    .filter(Boolean)
                    .join("<br>"),
                },
              },
            ],
          })),
          { widgets: [{ buttonList: { buttons: [{ text: agendaLabel, onClick: { openLink: { url: agendaUrl } } }] } }] },
        ],
      });
  }
}

/** Google Chat's textParagraph and section headers take a small HTML subset. */
function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Adaptive Card TextBlocks render a markdown subset: a title's brackets must not close the link. */
function escapeMarkdown(value: string): string {
  return value.replace(/([\\[\]()*_`])/g, "\\$1");
}
