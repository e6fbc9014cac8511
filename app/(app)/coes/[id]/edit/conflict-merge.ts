import { QUESTIONS } from "@/lib/coes/questions";
import type { EditorForm, EditorOptions } from "./editor-model";

/**
 * Merging after a conflict, one section of the COE at a time: the sections where the saved version
 * and the editor differ, each shown as text on both sides, and the editor's form with the sections
 * the author chose taken from the saved version.
 */
export type FormSection = { key: string; label: string; fields: readonly (keyof EditorForm)[] };

export const FORM_SECTIONS: readonly FormSection[] = [
  { key: "title", label: "Title", fields: ["title"] },
  { key: "ownership", label: "Team, severity and access", fields: ["teamId", "severity", "restricted"] },
  { key: "services", label: "Affected services", fields: ["serviceIds"] },
  { key: "authors", label: "Authors", fields: ["authorIds"] },
  { key: "times", label: "Incident times", fields: ["startedAt", "detectedAt", "mitigatedAt", "resolvedAt"] },
  { key: "timeline", label: "Timeline", fields: ["timeline"] },
  ...QUESTIONS.map((question) => ({ key: question.field, label: question.question, fields: [question.field] })),
  { key: "factors", label: "Contributing factors", fields: ["factors"] },
  { key: "links", label: "Links", fields: ["links"] },
  { key: "actions", label: "Corrective actions", fields: ["actions"] },
];

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The sections whose content differs between the two forms, in the document's order. */
export function differingSections(mine: EditorForm, theirs: EditorForm): FormSection[] {
  return FORM_SECTIONS.filter((section) => section.fields.some((field) => !sameValue(mine[field], theirs[field])));
}

/** The editor's form with the chosen sections replaced by the saved version's. */
export function mergeSections(mine: EditorForm, theirs: EditorForm, takeTheirs: ReadonlySet<string>): EditorForm {
  const merged: EditorForm = { ...mine };
  for (const section of FORM_SECTIONS) {
    if (!takeTheirs.has(section.key)) continue;
    for (const field of section.fields) Object.assign(merged, { [field]: theirs[field] });
  }
  return merged;
}

/** A section as plain lines for reading side by side (ids shown as names). */
export function sectionText(form: EditorForm, section: FormSection, options: EditorOptions): string {
  const name = (list: { id: string; name: string }[], id: string) => list.find((item) => item.id === id)?.name ?? id;
  const team = (id: string) => options.teams.find((item) => item.id === id)?.name ?? id;
  const lines = (values: string[]) => (values.length ? values.join("\n") : "(none)");
  switch (section.key) {
    case "ownership":
      return `${team(form.teamId)} · ${form.severity} · ${form.restricted ? "restricted to the team" : "visible to the organization"}`;
    case "services":
      return lines(form.serviceIds.map((id) => name(options.services, id)));
    case "authors":
      return lines(form.authorIds.map((id) => name(options.users, id)));
    case "times":
      return `Started ${form.startedAt || "–"}\nDetected ${form.detectedAt || "–"}\nMitigated ${form.mitigatedAt || "–"}\nResolved ${form.resolvedAt || "–"}`;
    case "timeline":
      return lines(form.timeline.map((entry) => `${entry.occurredAt || "(no time)"} ${entry.description}`));
    case "factors":
      return lines(form.factors.map((factor) => `${name(options.categories, factor.categoryId)}: ${factor.description}`));
    case "links":
      return lines(form.links.map((link) => `${link.label || link.url} <${link.url}>`));
    case "actions":
      return lines(
        form.actions.map((action) => `${action.title} (${action.ownerId ? name(options.users, action.ownerId) : "no owner"}, due ${action.dueDate || "–"})`),
      );
    default:
      return String(form[section.fields[0]!] ?? "") || "(empty)";
  }
}
