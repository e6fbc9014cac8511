import { ANSWER_FIELDS, type AnswerField } from "@/lib/coes/questions";
import {
  type CoeSeverity,
  type CoeStatus,
  type CorrectiveActionPriority,
  type CorrectiveActionStatus,
  type CorrectiveActionType,
} from "@/lib/generated/prisma/enums";
import { coeDocumentSchema, factorSchema, inlineActionSchema, linkSchema, timelineEntrySchema, type CoeDocumentInput } from "@/lib/coes/schemas";
import type { FieldErrors } from "@/lib/errors";
import type { CoeSnapshot } from "@/lib/coes/snapshot";

/**
 * The editor's state: what the inputs hold, as strings. Times are UTC and edited in
 * `datetime-local` inputs as "YYYY-MM-DDTHH:mm", so what an author types is what every reader sees.
 */
export type EditorForm = {
  title: string;
  teamId: string;
  severity: CoeSeverity;
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
  actions: {
    id: string;
    title: string;
    ownerId: string;
    type: CorrectiveActionType;
    priority: CorrectiveActionPriority;
    dueDate: string;
    status: CorrectiveActionStatus;
    /** Why a saved due date moves: set when the move is applied, spent once it is saved. */
    dueDateReason?: string;
  }[];
} & Record<AnswerField, string>;

export type EditorOptions = {
  /** The teams the author may move the COE to, in tree order; `label` is indented for the select. */
  teams: { id: string; name: string; label: string }[];
  /** Names of the services and people the form refers to (not the whole organization: pickers search it). */
  services: { id: string; name: string }[];
  users: { id: string; name: string }[];
  categories: { id: string; name: string; retired: boolean }[];
};

/**
 * The options with the names a snapshot refers to added (services, authors, action owners), so a
 * form taken from someone else's version, or a choice just made in a picker, shows names, not ids.
 */
export function withKnownNames(options: EditorOptions, known: KnownNames): EditorOptions {
  const merge = (list: readonly { id: string; name: string }[], more: readonly { id: string; name: string }[] = []) => {
    const byId = new Map(list.map((entry) => [entry.id, entry]));
    for (const entry of more) byId.set(entry.id, { id: entry.id, name: entry.name });
    return [...byId.values()];
  };
  return { ...options, services: merge(options.services, known.services), users: merge(options.users, known.users) };
}

/** Names of services and people by id, for what the page did not send (pickers search the organization). */
export type KnownNames = { services?: { id: string; name: string }[]; users?: { id: string; name: string }[] };

/**
 * What this browser keeps of an unsaved form: the form with the names of the services and people it
 * refers to, so a draft restored after a failed save shows names in the pickers, not ids.
 */
export type EditorDraft = EditorForm & { names?: KnownNames };

export function draftOfForm(form: EditorForm, options: EditorOptions): EditorDraft {
  const named = (ids: readonly string[], list: readonly { id: string; name: string }[]) =>
    [...new Set(ids)].flatMap((id) => list.filter((entry) => entry.id === id).map((entry) => ({ id, name: entry.name })));
  const people = [...form.authorIds, ...form.actions.map((action) => action.ownerId).filter(Boolean)];
  return { ...form, names: { services: named(form.serviceIds, options.services), users: named(people, options.users) } };
}

export function formOfDraft(draft: EditorDraft): { form: EditorForm; names: KnownNames } {
  const { names = {}, ...form } = draft;
  return { form, names };
}

export function namesInSnapshot(snapshot: CoeSnapshot): { services: { id: string; name: string }[]; users: { id: string; name: string }[] } {
  const owners = snapshot.actions.flatMap((action) => (action.ownerId && action.ownerName ? [{ id: action.ownerId, name: action.ownerName }] : []));
  return { services: snapshot.services, users: [...snapshot.authors, ...owners] };
}

/** "2026-11-01T10:05:00.000Z" → "2026-11-01T10:05" (UTC). */
export function toLocalInput(iso: string | null): string {
  return iso ? new Date(iso).toISOString().slice(0, 16) : "";
}

/** "2026-11-01T10:05" (UTC) → ISO; anything unparseable is passed on for the schema to name. */
export function fromLocalInput(value: string): string | null {
  if (value.trim() === "") return null;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00.000Z` : value;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/i;
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(z|utc|gmt)?$/i;
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * A time as an author types or pastes it, read as UTC (COEs have no time zone of their own), in the
 * form's "YYYY-MM-DDTHH:mm": "2026-11-30 14:05", "2026-11-30T14:05:59Z", "2026-11-30 14:05 UTC",
 * an ISO time with an offset (converted to UTC), or a bare "14:05" on the day of `sameDayAs` (a form
 * value). null when it is none of these or not a real date, so the text stays for the author to fix.
 */
export function parseUtcInput(text: string, sameDayAs?: string): string | null {
  const trimmed = text.trim();
  const full = DATE_TIME.exec(trimmed);
  if (full) {
    const [, year, month, dayOfMonth, hour, minute, , zone] = full;
    const offset = zone && /^[+-]/.test(zone) ? zone : "Z";
    const iso = `${year}-${month}-${dayOfMonth}T${hour!.padStart(2, "0")}:${minute}:00${offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`;
    const date = new Date(iso);
    if (Number.isNaN(date.getTime()) || Number(hour) > 23 || Number(minute) > 59) return null;
    // new Date() rolls "2026-02-30" over to March: only a date that reads back the same is real.
    if (offset === "Z" && date.toISOString().slice(0, 10) !== `${year}-${month}-${dayOfMonth}`) return null;
    return date.toISOString().slice(0, 16);
  }
  const time = TIME_ONLY.exec(trimmed);
  if (time && sameDayAs && CANONICAL.test(sameDayAs)) {
    const [, hour, minute] = time;
    if (Number(hour) > 23 || Number(minute) > 59) return null;
    return `${sameDayAs.slice(0, 10)}T${hour!.padStart(2, "0")}:${minute}`;
  }
  return null;
}

/** How a form time reads in its input: "2026-11-30 14:05"; text that is not a time yet, as typed. */
export function displayUtcInput(value: string): string {
  return CANONICAL.test(value) ? value.replace("T", " ") : value;
}

/** The first of the values that is a complete time: the day a bare "14:05" is read on. */
export function referenceDay(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && CANONICAL.test(value));
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
    actions: snapshot.actions.map(actionRowFromSnapshot),
  };
}

function actionRowFromSnapshot(action: CoeSnapshot["actions"][number]): EditorForm["actions"][number] {
  return {
    id: action.id,
    title: action.title,
    ownerId: action.ownerId ?? "",
    type: action.type,
    priority: action.priority,
    dueDate: action.dueDate ?? "",
    status: action.status,
  };
}

/**
 * An action row after a save: it takes the status the tracking side gave it; one under way or
 * finished is shown as the server has it (it is read-only here); a due-date reason is spent once
 * its move is saved.
 */
export function mergeSavedAction(row: EditorForm["actions"][number], saved: CoeSnapshot["actions"][number] | undefined): EditorForm["actions"][number] {
  if (!saved) return row;
  if (saved.status !== "OPEN") return actionRowFromSnapshot(saved);
  const { dueDateReason, ...rest } = row;
  const unsaved = dueDateReason !== undefined && row.dueDate !== (saved.dueDate ?? "");
  return { ...rest, status: saved.status, ...(unsaved ? { dueDateReason } : {}) };
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
      ...(action.dueDateReason ? { dueDateReason: action.dueDateReason } : {}),
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
    teamName: name(options.teams, form.teamId, (team) => team.name),
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

export const localDraftKey = (coeId: string) => `andon:coe-draft:${coeId}`;

type RowKey = "timeline" | "factors" | "links" | "actions";
const ROW_SCHEMAS = { timeline: timelineEntrySchema, factors: factorSchema, links: linkSchema, actions: inlineActionSchema } as const;
const ROW_KEYS = Object.keys(ROW_SCHEMAS) as RowKey[];

/**
 * What autosave sends when part of the form is not valid yet: never nothing. An incomplete row
 * (a timeline entry without its text, an action without a title) stays in the form as a draft row
 * and is left out — or, if the server already has it, sent as the server has it — and an invalid
 * field is sent as last saved. `held` names what was not saved, by form path, so the editor marks it.
 * Returns null when even that does not make a valid document (nothing was ever saved to fall back on).
 */
export function savableDocument(form: EditorForm, lastSaved: CoeDocumentInput): { document: CoeDocumentInput; held: FieldErrors } | null {
  const held: FieldErrors = {};
  const document: CoeDocumentInput = { ...documentFromForm(form) };
  for (const key of ROW_KEYS) {
    const savedRows = new Map((lastSaved[key] ?? []).map((row) => [row.id, row]));
    const rows = (document[key] ?? []) as { id: string }[];
    const kept: unknown[] = [];
    // Errors are keyed by the row's place in the form (the editor shows them there), not in the sorted document.
    const formIndex = new Map((form[key] as { id: string }[]).map((row, index) => [row.id, index]));
    for (const row of rows) {
      const parsed = ROW_SCHEMAS[key].safeParse(row);
      if (parsed.success) {
        kept.push(row);
        continue;
      }
      const index = formIndex.get(row.id) ?? 0;
      held[`${key}.${index}`] = [`Not saved yet: ${parsed.error.issues[0]?.message ?? "incomplete"}`];
      const saved = savedRows.get(row.id);
      if (saved) kept.push(saved);
    }
    (document as Record<string, unknown>)[key] = kept;
  }
  for (let round = 0; round < 3; round++) {
    const parsed = coeDocumentSchema.safeParse(document);
    if (parsed.success) return { document, held };
    const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "")));
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".") || "_form";
      (held[path] ??= []).push(`Not saved yet: ${issue.message}`);
    }
    for (const field of fields) {
      if (field in lastSaved) (document as Record<string, unknown>)[field] = (lastSaved as Record<string, unknown>)[field];
    }
  }
  return null;
}
