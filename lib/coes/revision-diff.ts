import { diffLines } from "diff";

export type DiffRow = { kind: "same" | "added" | "removed"; text: string };

/** A line diff of two rendered revisions, for the inline view on the history page. */
export function lineDiff(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const change of diffLines(before, after)) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const lines = change.value.replace(/\n$/, "").split("\n");
    for (const text of lines) rows.push({ kind, text });
  }
  return rows;
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
