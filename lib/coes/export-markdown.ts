import { formatDuration, incidentDurations } from "@/lib/coes/durations";
import { QUESTIONS, SEVERITY_MEANINGS, STATUS_LABELS } from "@/lib/coes/questions";
import { ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS, ACTION_TYPE_LABELS } from "@/lib/actions/labels";
import type { CoeSnapshot } from "@/lib/coes/snapshot";

/** "2026-11-20 14:05 UTC": exports and diffs read the same on every machine. */
function formatUtc(value: string | Date | null): string {
  if (!value) return "not recorded";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "not recorded" : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * The whole COE as a Markdown document: the download, and the text two revisions are diffed on.
 * Answers are Markdown already and go in as written. The timeline follows the header's times.
 */
export function coeToMarkdown(coe: CoeSnapshot, extra: { id?: string; version?: number } = {}): string {
  const durations = incidentDurations(coe);
  const lines: string[] = [`# ${oneLine(coe.title)}`, ""];
  lines.push(`- **Status:** ${STATUS_LABELS[coe.status]}${coe.restricted ? " (restricted)" : ""}`);
  lines.push(`- **Severity:** ${coe.severity} — ${SEVERITY_MEANINGS[coe.severity]}`);
  lines.push(`- **Team:** ${coe.teamName}`);
  lines.push(`- **Services:** ${coe.services.map((service) => service.name).join(", ") || "none listed"}`);
  lines.push(`- **Authors:** ${coe.authors.map((author) => author.name).join(", ") || "none listed"}`);
  lines.push(`- **Started:** ${formatUtc(coe.startedAt)}`);
  lines.push(`- **Detected:** ${formatUtc(coe.detectedAt)} (time to detect: ${formatDuration(durations.toDetect)})`);
  lines.push(`- **Mitigated:** ${formatUtc(coe.mitigatedAt)} (time to mitigate: ${formatDuration(durations.toMitigate)})`);
  lines.push(`- **Resolved:** ${formatUtc(coe.resolvedAt)} (time to resolve: ${formatDuration(durations.toResolve)})`);
  if (extra.id) lines.push(`- **COE id:** ${extra.id}${extra.version ? ` (version ${extra.version})` : ""}`);
  lines.push("");
  // The timeline sits with the incident's times, before the questions that refer to it.
  lines.push("## Timeline", "");
  if (coe.timeline.length === 0) lines.push("_No entries._");
  for (const entry of coe.timeline) lines.push(`- **${formatUtc(entry.occurredAt)}** — ${oneLine(entry.description)}`);
  lines.push("");
  for (const question of QUESTIONS) {
    lines.push(`## ${question.number}. ${question.question}`, "", coe[question.field].trim() || "_Not answered yet._", "");
    if (question.field === "contributingFactors") {
      lines.push("### Contributing factors", "");
      if (coe.factors.length === 0) lines.push("_None listed._", "");
      coe.factors.forEach((factor, index) => {
        lines.push(`${index + 1}. **${factor.categoryName}:** ${oneLine(factor.description)}`);
        factor.fiveWhys.forEach((why, whyIndex) => lines.push(`   ${whyIndex + 1}. Why? ${oneLine(why)}`));
      });
      lines.push("");
    }
    if (question.field === "supportingData" && coe.links.length > 0) {
      lines.push("### Links", "");
      for (const link of coe.links) lines.push(`- [${oneLine(link.label || link.url).replace(/[[\]]/g, "")}](${link.url})`);
      lines.push("");
    }
    if (question.field === "correctiveActionsSummary") {
      lines.push("### Corrective actions", "");
      if (coe.actions.length === 0) lines.push("_None yet._", "");
      else {
        lines.push("| Action | Type | Priority | Owner | Due | Status |", "| --- | --- | --- | --- | --- | --- |");
        for (const action of coe.actions) {
          const cells = [
            oneLine(action.title),
            ACTION_TYPE_LABELS[action.type],
            ACTION_PRIORITY_LABELS[action.priority],
            action.ownerName ?? "unassigned",
            action.dueDate ?? "no date",
            ACTION_STATUS_LABELS[action.status],
          ].map((cell) => cell.replace(/\|/g, "\\|"));
          lines.push(`| ${cells.join(" | ")} |`);
        }
        lines.push("");
      }
    }
  }
  return lines.join("\n");
}
