import { diffLines } from "diff";

export type DiffRow = { kind: "same" | "added" | "removed"; text: string };

/**
 * Beyond this many changed lines a line-by-line diff stops being readable, and its cost grows with
 * (lines × changes): 16,000 changed lines took a minute. The timeout caps the rest.
 */
const MAX_EDIT_LENGTH = 400;
const DIFF_TIMEOUT_MS = 150;

const rowsOf = (text: string, kind: DiffRow["kind"]): DiffRow[] =>
  text === ""
    ? []
    : text
        .replace(/\n$/, "")
        .split("\n")
        .map((line) => ({ kind, text: line }));

/** A line diff of two rendered revisions, or null when they are too different to diff line by line. */
export function boundedLineDiff(before: string, after: string): DiffRow[] | null {
  const changes = diffLines(before, after, { maxEditLength: MAX_EDIT_LENGTH, timeout: DIFF_TIMEOUT_MS });
  if (!changes) return null;
  return changes.flatMap((change) => rowsOf(change.value, change.added ? "added" : change.removed ? "removed" : "same"));
}

/** A line diff for display: when the revisions are too different, every old line is removed and every new one added. */
export function lineDiff(before: string, after: string): DiffRow[] {
  return boundedLineDiff(before, after) ?? [...rowsOf(before, "removed"), ...rowsOf(after, "added")];
}

export type SplitRow = { left: DiffRow | null; right: DiffRow | null };

/**
 * The same diff as two aligned columns for the side-by-side view: unchanged lines face each other,
 * and each run of removed lines faces the run of added lines that replaced it.
 */
export function splitDiff(rows: DiffRow[]): SplitRow[] {
  const result: SplitRow[] = [];
  let removed: DiffRow[] = [];
  let added: DiffRow[] = [];
  const flush = () => {
    for (let index = 0; index < Math.max(removed.length, added.length); index++) result.push({ left: removed[index] ?? null, right: added[index] ?? null });
    removed = [];
    added = [];
  };
  for (const row of rows) {
    if (row.kind === "removed") removed.push(row);
    else if (row.kind === "added") added.push(row);
    else {
      flush();
      result.push({ left: row, right: row });
    }
  }
  flush();
  return result;
}
