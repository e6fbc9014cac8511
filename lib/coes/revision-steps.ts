/**
 * Autosave keeps every save as a revision; read as a list, that is dozens of "Edited" lines per sitting.
 * The history shows steps instead: one per author per stretch of continuous editing. Nothing is merged
 * in storage — each step keeps its revisions, so every single save stays reachable.
 */

/** Two saves by the same person this far apart (or more) are two sittings, not one. */
export const STEP_GAP_MS = 10 * 60 * 1000;

export type RevisionEntry = {
  version: number;
  createdAt: Date;
  summary: string;
  /** null when the author's account is gone: such saves are never joined, as they may be different people. */
  authorId: string | null;
  authorName: string | null;
};

export type RevisionStep = {
  /** The revision the step's changes are measured from: the one just before it, or 0 (the empty document) for the first. */
  baseVersion: number;
  firstVersion: number;
  lastVersion: number;
  authorName: string | null;
  startedAt: Date;
  endedAt: Date;
  /** The kinds of save in the step, in order, each with how many times it happened in a row ("Edited" × 12). */
  summaries: { summary: string; count: number }[];
  /** Newest first, like the steps. */
  revisions: RevisionEntry[];
};

function continuesStep(previous: RevisionEntry, next: RevisionEntry, gapMs: number): boolean {
  return previous.authorId !== null && previous.authorId === next.authorId && next.createdAt.getTime() - previous.createdAt.getTime() < gapMs;
}

function summariesOf(revisions: RevisionEntry[]): RevisionStep["summaries"] {
  const runs: RevisionStep["summaries"] = [];
  for (const revision of revisions) {
    const last = runs.at(-1);
    if (last?.summary === revision.summary) last.count += 1;
    else runs.push({ summary: revision.summary, count: 1 });
  }
  return runs;
}

function toStep(group: RevisionEntry[], baseVersion: number): RevisionStep {
  const first = group[0]!;
  const last = group.at(-1)!;
  return {
    baseVersion,
    firstVersion: first.version,
    lastVersion: last.version,
    authorName: first.authorName,
    startedAt: first.createdAt,
    endedAt: last.createdAt,
    summaries: summariesOf(group),
    revisions: [...group].reverse(),
  };
}

/**
 * Groups revisions (in any order) into steps, newest step first: consecutive revisions by the same
 * author, each less than `gapMs` after the one before, form one step.
 */
export function coalesceRevisions(revisions: readonly RevisionEntry[], gapMs: number = STEP_GAP_MS): RevisionStep[] {
  const ordered = [...revisions].sort((a, b) => a.version - b.version);
  const steps: RevisionStep[] = [];
  let group: RevisionEntry[] = [];
  let baseVersion = 0;
  for (const revision of ordered) {
    const previous = group.at(-1);
    if (previous && !continuesStep(previous, revision, gapMs)) {
      steps.push(toStep(group, baseVersion));
      baseVersion = previous.version;
      group = [];
    }
    group.push(revision);
  }
  if (group.length > 0) steps.push(toStep(group, baseVersion));
  return steps.reverse();
}
