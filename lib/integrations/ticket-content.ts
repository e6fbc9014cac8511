import { ACTION_STATUS_LABELS, FINISHED_ACTION_STATUSES } from "@/lib/actions/labels";
import { type CorrectiveActionStatus } from "@/lib/generated/prisma/enums";

/** What a ticket says about its corrective action, for both providers. */
export type ActionForTicket = {
  id: string;
  title: string;
  description: string;
  status: CorrectiveActionStatus;
  dueDate: Date | null;
  evidence: string | null;
  wontDoReason: string | null;
  verificationNote: string | null;
  owner: { name: string; email: string } | null;
  completedBy: { name: string } | null;
  verifiedBy: { name: string } | null;
  team: { name: string };
  coe: { id: string; title: string } | null;
};

export type TicketLinks = { actionUrl: string; coeUrl: string | null };

export const isFinished = (status: CorrectiveActionStatus) => FINISHED_ACTION_STATUSES.includes(status);

/** The ticket's description as lines: what to do, where it came from, who owns it, the way back to Andon. */
export function ticketDescription(action: ActionForTicket, links: TicketLinks): { text: string; href?: string }[] {
  const lines: { text: string; href?: string }[] = [];
  if (action.description) lines.push({ text: action.description });
  lines.push({ text: `Corrective action in Andon (team ${action.team.name})`, href: links.actionUrl });
  if (action.coe && links.coeUrl) lines.push({ text: `From the COE “${action.coe.title}”`, href: links.coeUrl });
  const facts = [action.owner ? `Owner: ${action.owner.name}` : null, action.dueDate ? `Due: ${action.dueDate.toISOString().slice(0, 10)}` : null];
  if (facts.some(Boolean)) lines.push({ text: facts.filter(Boolean).join(" · ") });
  lines.push({ text: "Closing this ticket marks the action done in Andon; verification stays in Andon." });
  return lines;
}

/** The comment that goes with Andon closing or reopening the ticket. */
export function stateChangeComment(action: ActionForTicket, links: TicketLinks): string {
  switch (action.status) {
    case "DONE":
      return `Done in Andon${action.completedBy ? ` by ${action.completedBy.name}` : ""}. Evidence: ${action.evidence ?? "—"}\n${links.actionUrl}`;
    case "VERIFIED":
      return `Verified in Andon${action.verifiedBy ? ` by ${action.verifiedBy.name}` : ""}: ${action.verificationNote ?? "—"}\n${links.actionUrl}`;
    case "WONT_DO":
      return `Won't do (decided in Andon): ${action.wontDoReason ?? "—"}\n${links.actionUrl}`;
    default:
      return `Reopened in Andon: the corrective action is ${ACTION_STATUS_LABELS[action.status].toLowerCase()} again.\n${links.actionUrl}`;
  }
}
