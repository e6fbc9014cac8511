/**
 * Splits a free-text "What lessons did you learn?" answer into lesson drafts: a blank line or a list
 * item (-, *, + or "1." / "1)") starts a new lesson, heading lines separate lessons and are dropped,
 * the lines of one block are joined. The migration *_learnings applies the same rule in SQL to the
 * COEs that existed before lessons were records (lib/learnings/split-lessons.test.ts checks both).
 */
export const LESSON_STATEMENT_MAX = 280;

export type LessonDraft = { statement: string; detail: string };

const LIST_ITEM = /^\s*([-*+]|[0-9]+[.)])\s+/;
const HEADING = /^\s*#/;

export function splitLessons(answer: string): LessonDraft[] {
  const blocks: string[][] = [];
  let current: string[] | null = null;
  for (const line of answer.replace(/\r/g, "").split("\n")) {
    if (line.trim() === "" || HEADING.test(line)) {
      current = null;
      continue;
    }
    if (LIST_ITEM.test(line) || current === null) {
      current = [];
      blocks.push(current);
    }
    current.push(line.replace(LIST_ITEM, ""));
  }
  return blocks
    .map((lines) => lines.join(" ").replace(/\s+/g, " ").trim())
    .filter((body) => body !== "")
    .map((body) => lessonFromText(body));
}

/** A statement of at most 280 characters; a longer text is cut and kept whole as the detail. */
export function lessonFromText(body: string): LessonDraft {
  const chars = [...body];
  if (chars.length <= LESSON_STATEMENT_MAX) return { statement: body, detail: "" };
  return { statement: `${chars.slice(0, LESSON_STATEMENT_MAX - 1).join("")}…`, detail: body };
}
