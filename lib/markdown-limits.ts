import { z } from "zod";

/**
 * Bounds on Markdown that keep rendering cheap. The parser (micromark, under react-markdown) does
 * work that grows faster than the text for two kinds of input: deeply nested containers (`>` or list
 * markers repeated: ~n³) and long runs of unmatched inline delimiters in one paragraph (`~a~a…`,
 * `*a*a…`: ~n²). Ordinary writing never comes near these limits; they are checked when text is
 * written (markdownTextSchema) and again before stored text is rendered (components/coes/markdown.tsx).
 */
export const MAX_MARKDOWN_NESTING = 10;
/** Containers opened over all lines: 300 lines each quoted 10 deep cost as much as one line 3,000 deep. */
export const MAX_NESTING_TOTAL = 600;
/** Inline delimiters of one kind (emphasis `*` `_`, strikethrough `~`, code `` ` ``, links `[` `]`) in one paragraph. */
export const MAX_DELIMITERS_PER_PARAGRAPH = 100;
/** All inline delimiters in the whole text: bounds the sum over paragraphs. */
export const MAX_DELIMITERS_TOTAL = 600;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DELIMITER_KINDS: Record<string, string> = { "*": "*", _: "*", "~": "~", "`": "`", "[": "[", "]": "[", "<": "<" };

/** How many containers (block quotes, list items) a line opens, counting indentation as list nesting. */
function lineNesting(line: string): number {
  let depth = 0;
  let rest = line;
  for (;;) {
    const indent = /^[ \t]*/.exec(rest)![0];
    // Two columns of indentation is how a nested list item is written; a tab counts as four.
    depth += Math.floor(indent.replaceAll("\t", "    ").length / 2);
    rest = rest.slice(indent.length);
    if (rest.startsWith(">")) {
      depth += 1;
      rest = rest.slice(1);
      continue;
    }
    const marker = LIST_MARKER.exec(rest);
    if (marker) {
      depth += 1;
      rest = rest.slice(marker[0].length);
      continue;
    }
    return depth;
  }
}

/**
 * The reason this Markdown would be too costly to render, or null when it is fine. Linear in the
 * text's length (it never runs the parser), so it is safe to call on anything.
 */
export function markdownProblem(text: string): string | null {
  let fence: string | null = null;
  let paragraph: Record<string, number> = {};
  let total = 0;
  let nestingTotal = 0;
  for (const line of text.split("\n")) {
    const opening = FENCE.exec(line);
    if (fence) {
      if (opening && opening[1]!.startsWith(fence)) fence = null;
      continue;
    }
    if (opening) {
      fence = opening[1]!;
      paragraph = {};
      continue;
    }
    if (line.trim() === "") {
      paragraph = {};
      continue;
    }
    const nesting = lineNesting(line);
    nestingTotal += nesting;
    if (nesting > MAX_MARKDOWN_NESTING) {
      return `Markdown nesting deeper than ${MAX_MARKDOWN_NESTING} levels (quotes or lists inside each other, or indentation) cannot be shown; flatten it.`;
    }
    if (nestingTotal > MAX_NESTING_TOTAL) {
      return `Too much nested Markdown (more than ${MAX_NESTING_TOTAL} quote and list levels in all); flatten it or put it in a code block.`;
    }
    for (const character of line) {
      const kind = DELIMITER_KINDS[character];
      if (!kind) continue;
      total += 1;
      paragraph[kind] = (paragraph[kind] ?? 0) + 1;
      if (paragraph[kind]! > MAX_DELIMITERS_PER_PARAGRAPH) {
        return `More than ${MAX_DELIMITERS_PER_PARAGRAPH} formatting marks like ${character} in one paragraph cannot be shown; split the paragraph or put the text in a code block.`;
      }
    }
    if (total > MAX_DELIMITERS_TOTAL) {
      return `More than ${MAX_DELIMITERS_TOTAL} formatting marks (* _ ~ \` [ ] <) outside code blocks cannot be shown; put long listings in a code block.`;
    }
  }
  return null;
}

/**
 * The schema for every Markdown field (COE answers, descriptions, comments, notes, minutes, lessons,
 * rationales, logs): a string of at most `max` characters that is cheap to render. Forms and server
 * parse with it, so the author sees the reason under the field and the API answers 400.
 */
export function markdownTextSchema(max: number, tooLong = `Keep this under ${max.toLocaleString("en-US")} characters.`) {
  return z
    .string()
    .max(max, tooLong)
    .superRefine((value, context) => {
      const problem = markdownProblem(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    });
}
