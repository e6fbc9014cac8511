import type { WebhookFormat } from "@/lib/generated/prisma/enums";
import { EVENT_TYPES, isEventType } from "@/lib/events/catalog";

/**
 * Short, linked chat messages for endpoints in a chat format: Slack incoming webhooks (Block Kit),
 * Microsoft Teams workflow webhooks (Adaptive Card) and Google Chat (cardsV2). Chat services do not
 * verify signatures, so these are sent unsigned.
 */
export type ChatFormat = Exclude<WebhookFormat, "RAW">;

type Subject = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" ? value : "");
const quoted = (value: unknown) => (text(value) ? `“${text(value)}”` : "");

const COE_VERBS: Record<string, string> = {
  "coe.created": "was started",
  "coe.submitted": "was submitted for review",
  "coe.changes_requested": "needs changes",
  "coe.approved": "was approved",
  "coe.closed": "was closed",
};

const ACTION_PHRASES: Record<string, string> = {
  "action.created": "New corrective action",
  "action.assigned": "Corrective action reassigned",
  "action.status_changed": "Corrective action changed status",
  "action.due_soon": "⏰ Corrective action due soon",
  "action.overdue": "⚠️ Corrective action overdue",
  "action.escalated": "⚠️ Overdue corrective action escalated",
  "action.verified": "✅ Corrective action verified",
  "action.deleted": "Corrective action removed",
};

/** The one-line summary and the Andon page it links to. */
export function chatSummary(type: string, data: Subject, origin: string): { line: string; url: string } {
  const id = text(data.id);
  if (type.startsWith("coe.")) {
    return { line: `COE ${quoted(data.title)} ${COE_VERBS[type] ?? "changed"} (${text(data.teamName) || "team"})`, url: `${origin}/coes/${id}` };
  }
  if (type.startsWith("action.")) {
    const owner = text(data.ownerName) ? ` — owner ${text(data.ownerName)}` : "";
    const status = type === "action.status_changed" ? ` → ${text(data.status).toLowerCase().replace("_", " ")}` : "";
    const due = type === "action.overdue" || type === "action.escalated" ? (data.daysOverdue ? `, ${String(data.daysOverdue)} days overdue` : "") : "";
    return { line: `${ACTION_PHRASES[type] ?? "Corrective action"}: ${quoted(data.title)}${status}${due}${owner}`, url: `${origin}/actions/${id}` };
  }
  if (type.startsWith("review.")) {
    const what = type === "review.agenda_ready" ? "agenda is ready" : "minutes are published";
    return { line: `${text(data.seriesName) || "Weekly review"} ${text(data.isoWeek)}: the ${what}`, url: `${origin}${text(data.path) || "/reviews"}` };
  }
  if (type.startsWith("cord.")) {
    const service = text((data.service as Subject | undefined)?.name) || "a service";
    const by = text((data.pulledBy as Subject | undefined)?.name);
    const line =
      type === "cord.pulled"
        ? `🛑 Cord pulled on ${service}${by ? ` by ${by}` : ""}${data.problem ? `: ${quoted(data.problem)}` : ""}`
        : type === "cord.resolved"
          ? `✅ Cord resolved on ${service}: the line runs again`
          : `${isEventType(type) ? EVENT_TYPES[type].replace(/\.$/, "") : type} (${service})`;
    return { line, url: `${origin}${text(data.url) || `/cords/${id}`}` };
  }
  const description = isEventType(type) ? EVENT_TYPES[type] : type;
  const name = quoted(data.title ?? data.name ?? data.statement);
  return { line: `${description.replace(/\.$/, "")}${name ? `: ${name}` : ""}`, url: origin };
}

/** The request body for a chat endpoint. */
export function chatMessage(format: ChatFormat, summary: { line: string; url: string }): Record<string, unknown> {
  const { line, url } = summary;
  switch (format) {
    case "SLACK":
      return {
        text: `${line} — ${url}`,
        blocks: [{ type: "section", text: { type: "mrkdwn", text: `${escapeSlack(line)} — <${url}|open in Andon>` } }],
      };
    case "TEAMS":
      return teamsCardMessage([{ type: "TextBlock", text: line, wrap: true }], [{ type: "Action.OpenUrl", title: "Open in Andon", url }]);
    case "GOOGLE_CHAT":
      return googleChatCardMessage(line, "andon-event", {
        sections: [{ widgets: [{ textParagraph: { text: line } }, { buttonList: { buttons: [{ text: "Open in Andon", onClick: { openLink: { url } } }] } }] }],
      });
  }
}

/** A Teams workflow webhook's body: one Adaptive Card with its blocks and buttons. */
export function teamsCardMessage(body: unknown[], actions: unknown[]): Record<string, unknown> {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: { $schema: "http://adaptivecards.io/schemas/adaptive-card.json", type: "AdaptiveCard", version: "1.4", body, actions },
      },
    ],
  };
}

/** A Google Chat webhook's body: the notification's text and one card. */
export function googleChatCardMessage(text: string, cardId: string, card: Record<string, unknown>): Record<string, unknown> {
  return { text, cardsV2: [{ cardId, card }] };
}

/** Slack mrkdwn treats &, < and > as control characters. */
export function escapeSlack(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
