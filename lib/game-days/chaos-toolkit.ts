import type { ExperimentVerdict } from "@/lib/generated/prisma/enums";
import { createHash } from "node:crypto";
import { UserError } from "@/lib/errors";
import { MAX_INPUT_DEPTH, nestedDeeperThan, storableValue } from "@/lib/storable-text";
import { MAX_YEAR, MIN_YEAR, parseInstant } from "@/lib/validation/dates";
import { malformedTextIssues } from "@/lib/validation/text";

/**
 * The Chaos Toolkit experiment format (https://chaostoolkit.org/reference/api/experiment/) out, and its
 * journal.json in. Export: `title, description, steady-state-hypothesis {title, probes[] with tolerance},
 * method[], rollbacks[]` with process and HTTP providers, so a team runs `chaos run experiment.json`.
 * Import: the run's status (completed / failed / aborted / interrupted), `deviated`, and per-activity
 * start/end/output, read for what Andon understands; the journal itself is kept raw, so fields of a newer
 * version are never lost. Anything that is not a journal is refused with a sentence, never a 500.
 */
export type ExperimentForExport = {
  title: string;
  description: string;
  steadyStateHypothesis: unknown;
  method: unknown;
  rollbacks: unknown;
  tags?: string[];
  envelope?: Record<string, unknown>;
};

export function chaosToolkitExperiment(experiment: ExperimentForExport): Record<string, unknown> {
  return {
    version: "1.0.0",
    title: experiment.title,
    description: experiment.description || experiment.title,
    tags: experiment.tags ?? ["andon"],
    // Andon's envelope (blast radius, abort conditions, dimension) travels as extension data the toolkit ignores.
    ...(experiment.envelope ? { extensions: [{ name: "andon", ...experiment.envelope }] } : {}),
    "steady-state-hypothesis": experiment.steadyStateHypothesis,
    method: experiment.method,
    rollbacks: experiment.rollbacks ?? [],
  };
}

/** Required keys of an experiment file, checked by the tests against every template's export. */
export function experimentFormatProblems(document: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of ["title", "description", "method"]) if (!(key in document)) problems.push(`missing ${key}`);
  if (typeof document.title !== "string" || document.title === "") problems.push("title must be a non-empty string");
  const method = document.method;
  if (!Array.isArray(method) || method.length === 0) problems.push("method must be a non-empty list");
  const hypothesis = document["steady-state-hypothesis"] as { title?: unknown; probes?: unknown } | undefined;
  if (hypothesis) {
    if (typeof hypothesis.title !== "string") problems.push("steady-state-hypothesis.title must be a string");
    if (!Array.isArray(hypothesis.probes)) problems.push("steady-state-hypothesis.probes must be a list");
    else hypothesis.probes.forEach((probe, index) => problems.push(...activityProblems(probe, `probes[${index}]`, true)));
  }
  if (Array.isArray(method)) method.forEach((activity, index) => problems.push(...activityProblems(activity, `method[${index}]`, false)));
  const rollbacks = document.rollbacks;
  if (rollbacks !== undefined && !Array.isArray(rollbacks)) problems.push("rollbacks must be a list");
  if (Array.isArray(rollbacks)) rollbacks.forEach((activity, index) => problems.push(...activityProblems(activity, `rollbacks[${index}]`, false)));
  return problems;
}

function activityProblems(activity: unknown, where: string, needsTolerance: boolean): string[] {
  const problems: string[] = [];
  const value = activity as { type?: unknown; name?: unknown; provider?: { type?: unknown; url?: unknown; path?: unknown }; tolerance?: unknown } | null;
  if (!value || typeof value !== "object") return [`${where} must be an object`];
  if (value.type !== "action" && value.type !== "probe") problems.push(`${where}.type must be action or probe`);
  if (typeof value.name !== "string" || value.name === "") problems.push(`${where}.name must be a non-empty string`);
  if (needsTolerance && value.tolerance === undefined) problems.push(`${where}.tolerance is required`);
  const provider = value.provider;
  if (!provider || typeof provider !== "object") problems.push(`${where}.provider is required`);
  else if (provider.type === "http") {
    if (typeof provider.url !== "string") problems.push(`${where}.provider.url must be a string`);
  } else if (provider.type === "process") {
    if (typeof provider.path !== "string") problems.push(`${where}.provider.path must be a string`);
  } else if (provider.type !== "python") problems.push(`${where}.provider.type must be http, process or python`);
  return problems;
}

type Verdict = ExperimentVerdict;

type JournalActivity = {
  phase: "steady-state-before" | "method" | "steady-state-after" | "rollback";
  name: string;
  type: string;
  status: string;
  start: string | null;
  end: string | null;
  output: string | null;
};

export type ParsedJournal = {
  /** The journal as read, NUL characters dropped (PostgreSQL text and jsonb cannot hold them): what is kept raw. */
  journal: Record<string, unknown>;
  status: string;
  deviated: boolean;
  verdict: Verdict;
  startedAt: Date | null;
  endedAt: Date | null;
  chaosVersion: string | null;
  experimentTitle: string | null;
  activities: JournalActivity[];
  /** The journal's canonical hash: a second import of the same journal is the same run. */
  idempotencyKey: string;
  /** Top-level keys Andon did not read (kept in the raw journal). */
  unknownKeys: string[];
};

const KNOWN_KEYS = new Set([
  "chaoslib-version",
  "platform",
  "node",
  "experiment",
  "start",
  "end",
  "duration",
  "status",
  "deviated",
  "steady_states",
  "run",
  "rollbacks",
  "extensions",
]);

const MAX_OUTPUT = 4000;

/** The verdict: a completed run that did not deviate held; aborted or interrupted runs were aborted; anything else deviated. */
function journalVerdict(status: string, deviated: boolean): Verdict {
  if (status === "aborted" || status === "interrupted") return "ABORTED";
  if (status === "completed" && !deviated) return "HELD";
  return "DEVIATED";
}

/** A journal Andon cannot read; `field` is the path inside the journal at fault (`journal.start`), if one is. */
export class JournalError extends UserError {
  override name = "JournalError";
  constructor(message: string, field?: string) {
    super(message, { [field ? `journal.${field}` : "journal"]: [message] });
  }
}

/** How far a journal's clock may run ahead of Andon's before its run counts as "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Reads a journal from its text (an upload) or an already parsed value (the API's JSON body). NUL is
 * dropped everywhere, as at every other door (an escaped `\u0000` inside uploaded text only appears
 * here); text PostgreSQL refuses and dates it cannot hold are refused with the field named.
 */
export function parseJournal(input: string | unknown, now = new Date()): ParsedJournal {
  let value: unknown = input;
  if (typeof input === "string") {
    if (input.trim() === "") throw new JournalError("The journal is empty. Upload the journal.json that `chaos run` wrote.");
    try {
      value = JSON.parse(input);
    } catch {
      throw new JournalError("The journal is not valid JSON. Upload the journal.json that `chaos run` wrote, unchanged.");
    }
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new JournalError("The journal must be a JSON object with at least `status` and `deviated` (the journal.json of `chaos run`).");
  }
  if (nestedDeeperThan(value)) throw new JournalError(`The journal is nested more than ${MAX_INPUT_DEPTH} levels deep: is this a journal.json?`);
  const journal = storableValue(value) as Record<string, unknown>;
  const malformed = malformedTextIssues(journal)[0];
  if (malformed) {
    const field = malformed.path.join(".");
    throw new JournalError(`The journal's \`${field || "(key)"}\` holds an invalid character (a lone UTF-16 surrogate).`, field || undefined);
  }
  const status = journal.status;
  if (typeof status !== "string" || status.trim() === "") {
    throw new JournalError("The journal has no `status` (completed, failed, aborted or interrupted): is this a Chaos Toolkit journal.json?");
  }
  if (typeof journal.deviated !== "boolean") {
    throw new JournalError(
      journal.deviated === undefined
        ? "The journal has no `deviated` (true or false): Andon cannot tell whether the hypothesis held."
        : "The journal's `deviated` must be true or false.",
      "deviated",
    );
  }
  if (journal.run !== undefined && !Array.isArray(journal.run)) throw new JournalError("The journal's `run` must be a list of activity runs.");
  const deviated = journal.deviated;
  const normalizedStatus = status.trim().toLowerCase();
  const steadyStates = (journal.steady_states ?? {}) as Record<string, unknown>;
  const activities: JournalActivity[] = [
    ...probeRuns(steadyStates.before, "steady-state-before"),
    ...activityRuns(journal.run, "method"),
    ...probeRuns(steadyStates.after, "steady-state-after"),
    ...activityRuns(journal.rollbacks, "rollback"),
  ];
  // A run that probed nothing and did nothing proves nothing: it must not count as a verification.
  if (activities.length === 0 && normalizedStatus === "completed") {
    throw new JournalError("The journal ran no probe or activity (`steady_states` and `run` are empty): it verifies nothing.", "run");
  }
  const experiment = journal.experiment as { title?: unknown } | undefined;
  const startedAt = journalDate(journal, "start", now);
  const endedAt = journalDate(journal, "end", now);
  if (startedAt && endedAt && endedAt.getTime() < startedAt.getTime()) throw new JournalError("The journal's `end` is before its `start`.", "end");
  return {
    journal,
    status: normalizedStatus,
    deviated,
    verdict: journalVerdict(normalizedStatus, deviated),
    startedAt,
    endedAt,
    chaosVersion: typeof journal["chaoslib-version"] === "string" ? journal["chaoslib-version"] : null,
    experimentTitle: experiment && typeof experiment.title === "string" ? experiment.title : null,
    activities,
    idempotencyKey: createHash("sha256").update(canonicalJson(journal)).digest("hex"),
    unknownKeys: Object.keys(journal).filter((key) => !KNOWN_KEYS.has(key)),
  };
}

function probeRuns(state: unknown, phase: JournalActivity["phase"]): JournalActivity[] {
  const probes = (state as { probes?: unknown } | null | undefined)?.probes;
  return activityRuns(probes, phase);
}

function activityRuns(runs: unknown, phase: JournalActivity["phase"]): JournalActivity[] {
  if (!Array.isArray(runs)) return [];
  return runs
    .filter((run): run is Record<string, unknown> => !!run && typeof run === "object")
    .map((run) => {
      const activity = (run.activity ?? {}) as { name?: unknown; type?: unknown };
      return {
        phase,
        name: typeof activity.name === "string" ? activity.name : "(unnamed activity)",
        type: typeof activity.type === "string" ? activity.type : "unknown",
        status: typeof run.status === "string" ? run.status : "unknown",
        start: typeof run.start === "string" ? run.start : null,
        end: typeof run.end === "string" ? run.end : null,
        output: outputText(run.output ?? run.exception ?? null),
      };
    });
}

function outputText(output: unknown): string | null {
  if (output === null || output === undefined) return null;
  const text = typeof output === "string" ? output : JSON.stringify(output);
  return text.length > MAX_OUTPUT ? `${text.slice(0, MAX_OUTPUT)}…` : text;
}

/** The run's `start` or `end`: absent is fine; anything else must be a date-time PostgreSQL holds, not in the future. */
function journalDate(journal: Record<string, unknown>, field: "start" | "end", now: Date): Date | null {
  const value = journal[field];
  if (value === undefined || value === null) return null;
  // Chaos Toolkit writes naive UTC timestamps ("2026-03-04T10:00:00.123456").
  const text = typeof value === "string" ? value.trim() : "";
  const parsed = text && parseInstant(/(?:[zZ]|[+-]\d\d(?::?\d\d)?)$/.test(text) ? text : `${text}Z`);
  if (!parsed) {
    throw new JournalError(
      `The journal's \`${field}\` must be an ISO 8601 date-time between the years ${MIN_YEAR} and ${MAX_YEAR}, like 2026-03-04T10:00:00.`,
      field,
    );
  }
  if (parsed.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new JournalError(`The journal's \`${field}\` is in the future.`, field);
  return parsed;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
