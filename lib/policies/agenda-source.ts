import type { SourceBadge, SourceBlock, SourceEntry } from "@/lib/reviews/agenda-types";

/**
 * The subtree's policy findings as the weekly review's "key service metrics" item shows them: every
 * open finding (new this week or older), most severe first, and the acknowledged ones whose waiver
 * ends before next week's meeting, so the room decides before they reopen. Pure: the rows come from
 * the agenda's one statement (lib/reviews/agenda-reads.ts), this turns them into a source block.
 */
export type AgendaFindingRow = {
  id: string;
  ruleId: string;
  ruleName: string;
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
  kind: "RISK" | "OPPORTUNITY";
  serviceName: string;
  status: "OPEN" | "ACKNOWLEDGED";
  openedAt: string;
  /** When the approved waiver of an acknowledged finding ends. */
  waiverEndsAt: string | null;
};

/** The findings section of the agenda's statement: the counts over every such finding, the rows for the first AGENDA_FINDING_LIMIT. */
export type AgendaFindings = { open: number; newThisWeek: number; expiring: number; rows: AgendaFindingRow[] };

export const AGENDA_FINDING_LIMIT = 30;
export const NO_FINDINGS: AgendaFindings = { open: 0, newThisWeek: 0, expiring: 0, rows: [] };

const SEVERITY_BADGES: Record<AgendaFindingRow["severity"], SourceBadge> = {
  CRITICAL: { label: "Critical", tone: "red" },
  HIGH: { label: "High", tone: "amber" },
  MEDIUM: { label: "Medium", tone: "neutral" },
  LOW: { label: "Low", tone: "neutral" },
};

const day = (iso: string) => iso.slice(0, 10);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Whether a finding's current episode started in the agenda's week. */
function isNewThisWeek(row: Pick<AgendaFindingRow, "status" | "openedAt">, window: { from: Date; to: Date }): boolean {
  return row.status === "OPEN" && row.openedAt >= window.from.toISOString() && row.openedAt < window.to.toISOString();
}

function findingEntry(row: AgendaFindingRow, window: { from: Date; to: Date }): SourceEntry {
  const badges: SourceBadge[] = [SEVERITY_BADGES[row.severity]];
  if (row.kind === "OPPORTUNITY") badges.push({ label: "Opportunity", tone: "green" });
  if (isNewThisWeek(row, window)) badges.push({ label: "New this week", tone: "amber" });
  if (row.status === "ACKNOWLEDGED") badges.push({ label: "Waiver ending", tone: "amber" });
  return {
    id: row.id,
    title: `${row.serviceName}: ${row.ruleName}`,
    href: `/policies/findings/${row.id}`,
    meta: row.status === "ACKNOWLEDGED" ? `Acknowledged; the waiver ends ${day(row.waiverEndsAt ?? row.openedAt)}` : `Failing since ${day(row.openedAt)}`,
    badges,
    links: [{ label: "Rule", href: `/policies/rules/${row.ruleId}` }],
  };
}

/** The block's title: how many are open, how many of them are new, how many waivers end. */
export function findingsTitle(findings: AgendaFindings): string {
  const parts = [`${findings.open} open`];
  if (findings.newThisWeek > 0) parts.push(`${findings.newThisWeek} new this week`);
  if (findings.expiring > 0) parts.push(plural(findings.expiring, "waiver") + " ending");
  const shown = findings.open + findings.expiring > findings.rows.length ? ` (the first ${findings.rows.length}; see Policies for all)` : "";
  return `Policy findings: ${parts.join(", ")}${shown}`;
}

export function findingsBlock(findings: AgendaFindings, window: { from: Date; to: Date }): SourceBlock {
  return {
    source: "policy-findings",
    title: findingsTitle(findings),
    empty: "No open policy findings.",
    entries: findings.rows.map((row) => findingEntry(row, window)),
  };
}
