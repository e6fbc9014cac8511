import { ANSWER_FIELDS, type ActionPriority, type ActionStatus, type ActionType, type AnswerField, type CoeStatus, type Severity } from "@/lib/coes/questions";
import type { CoeDocumentInput } from "@/lib/coes/schemas";
import type { CoeSnapshot } from "@/lib/coes/snapshot";

/**
 * The editor's state: what the inputs hold, as strings. Times are UTC and edited in
 * `datetime-local` inputs as "YYYY-MM-DDTHH:mm", so what an author types is what every reader sees.
 */
export type EditorForm = {
  title: string;
  teamId: string;
  severity: Severity;
  restricted: boolean;
  serviceIds: string[];
  authorIds: string[];
  startedAt: string;
  detectedAt: string;
  mitigatedAt: string;
  resolvedAt: string;
  timeline: { id: string; occurredAt: string; description: string }[];
  factors: { id: string; categoryId: string; description: string; fiveWhys: string[] }[];
  links: { id: string; url: string; label: string }[];
  actions: { id: string; title: string; ownerId: string; type: ActionType; priority: ActionPriority; dueDate: string; status: ActionStatus }[];
} & Record<AnswerField, string>;

export type EditorOptions = {
  teams: { id: string; label: string }[];
  services: { id: string; name: string; teamId: string }[];
  users: { id: string; name: string }[];
  categories: { id: string; name: string; retired: boolean }[];
};

/** "2026-11-01T10:05:00.000Z" → "2026-11-01T10:05" (UTC). */
export function toLocalInput(iso: string | null): string {
  return iso ? new Date(iso).toISOString().slice(0, 16) : "";
}

/** "2026-11-01T10:05" (UTC) → ISO; anything unparseable is passed on for the schema to name. */
export function fromLocalInput(value: string): string | null {
  if (value.trim() === "") return null;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00.000Z` : value;
}

export function formFromSnapshot(snapshot: CoeSnapshot): EditorForm {
  return {
    title: snapshot.title,
    teamId: snapshot.teamId,
    severity: snapshot.severity,
    restricted: snapshot.restricted,
    serviceIds: snapshot.services.map((service) => service.id),
    authorIds: snapshot.authors.map((author) => author.id),
    startedAt: toLocalInput(snapshot.startedAt),
    detectedAt: toLocalInput(snapshot.detectedAt),
    mitigatedAt: toLocalInput(snapshot.mitigatedAt),
    resolvedAt: toLocalInput(snapshot.resolvedAt),
    ...(Object.fromEntries(ANSWER_FIELDS.map((field) => [field, snapshot[field]])) as Record<AnswerField, string>),
    timeline: snapshot.timeline.map((entry) => ({ id: entry.id, occurredAt: toLocalInput(entry.occurredAt), description: entry.description })),
    factors: snapshot.factors.map((factor) => ({ id: factor.id, categoryId: factor.categoryId, description: factor.description, fiveWhys: factor.fiveWhys })),
    links: snapshot.links.map((link) => ({ ...link })),
    actions: snapshot.actions.map((action) => ({
      id: action.id,
      title: action.title,
      ownerId: action.ownerId ?? "",
      type: action.type,
      priority: action.priority,
      dueDate: action.dueDate ?? "",
      status: action.status,
    })),
  };
}

export function documentFromForm(form: EditorForm): CoeDocumentInput {
  return {
    title: form.title,
    teamId: form.teamId,
    severity: form.severity,
    restricted: form.restricted,
    serviceIds: form.serviceIds,
    authorIds: form.authorIds,
    startedAt: fromLocalInput(form.startedAt),
    detectedAt: fromLocalInput(form.detectedAt),
    mitigatedAt: fromLocalInput(form.mitigatedAt),
    resolvedAt: fromLocalInput(form.resolvedAt),
    ...(Object.fromEntries(ANSWER_FIELDS.map((field) => [field, form[field]])) as Record<AnswerField, string>),
    timeline: [...form.timeline]
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
      .map((entry) => ({ id: entry.id, occurredAt: fromLocalInput(entry.occurredAt) ?? "", description: entry.description })),
    factors: form.factors.map((factor) => ({ ...factor, fiveWhys: factor.fiveWhys })),
    links: form.links,
    actions: form.actions.map((action) => ({
      id: action.id,
      title: action.title,
      ownerId: action.ownerId || null,
      type: action.type,
      priority: action.priority,
      dueDate: action.dueDate || null,
    })),
  };
}

/** The form as a snapshot (names looked up), so the conflict view can diff it like two revisions. */
export function snapshotFromForm(form: EditorForm, options: EditorOptions, status: CoeStatus): CoeSnapshot {
  const name = <T extends { id: string }>(list: T[], id: string, key: (item: T) => string) => {
    const item = list.find((entry) => entry.id === id);
    return item ? key(item) : id;
  };
  return {
    title: form.title,
    teamId: form.teamId,
    teamName: name(options.teams, form.teamId, (team) => team.label.replace(/^(· )+/, "")),
    severity: form.severity,
    status,
    restricted: form.restricted,
    services: form.serviceIds.map((id) => ({ id, name: name(options.services, id, (service) => service.name) })),
    authors: form.authorIds.map((id) => ({ id, name: name(options.users, id, (user) => user.name) })),
    startedAt: fromLocalInput(form.startedAt),
    detectedAt: fromLocalInput(form.detectedAt),
    mitigatedAt: fromLocalInput(form.mitigatedAt),
    resolvedAt: fromLocalInput(form.resolvedAt),
    ...(Object.fromEntries(ANSWER_FIELDS.map((field) => [field, form[field]])) as Record<AnswerField, string>),
    timeline: form.timeline.map((entry) => ({ id: entry.id, occurredAt: fromLocalInput(entry.occurredAt) ?? "", description: entry.description })),
    factors: form.factors.map((factor) => ({ ...factor, categoryName: name(options.categories, factor.categoryId, (category) => category.name) })),
    links: form.links,
    actions: form.actions.map((action) => ({
      id: action.id,
      title: action.title,
      ownerId: action.ownerId || null,
      ownerName: action.ownerId ? name(options.users, action.ownerId, (user) => user.name) : null,
      type: action.type,
      priority: action.priority,
      dueDate: action.dueDate || null,
      status: action.status,
    })),
  };
}

export function newRowId(): string {
  return crypto.randomUUID();
}

/** What the browser keeps so nothing typed is lost on a failed save or a reload. */
export type LocalDraft = { baseVersion: number; form: EditorForm; changedAt: string };
export const localDraftKey = (coeId: string) => `andon:coe-draft:${coeId}`;
