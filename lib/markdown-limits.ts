import { z } from "zod";

/**
 * Bounds on Markdown that keep rendering cheap. The parser (micromark, under react-markdown) does
 * work that grows faster than the text for a few kinds of input: deeply nested containers (`>` or
 * list markers repeated: ~n³), long lists of nested list items (`- - a` on every line: ~n²), and
 * long runs of inline delimiters in one paragraph (`~a~a…`, `*a*a…`: ~n² past a few thousand).
 * Everything else costs time in proportion to the text. The limits sit where the worst input they
 * accept costs about as much to render as a long ordinary answer of the same size (a 48,000-character
 * incident write-up with a 160-entry timeline, tables and code: see markdown-limits.test.ts), so they
 * refuse only constructions nobody writes by hand. They are checked when text is written
 * (markdownTextSchema) and again before stored text is rendered (components/coes/markdown.tsx).
 */
export const MAX_MARKDOWN_NESTING = 10;
/** Quote and list levels over all lines (a flat list item is one): room for a 1,500-item list. */
export const MAX_NESTING_TOTAL = 1_500;
/**
 * Inline delimiters of one kind (emphasis `*` `_`, strikethrough `~`, code `` ` ``, links `[` `]`)
 * in one paragraph or list item (past a few thousand the parser's work grows with the square).
 */
export const MAX_DELIMITERS_PER_PARAGRAPH = 1_000;
/** All inline delimiters in the whole text (a long write-up has 3,000–6,000): bounds the sum over paragraphs. */
export const MAX_DELIMITERS_TOTAL = 8_000;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const FENCE = /^( *)(`{3,}|~{3,})/;
// A list item that starts a block wherever it stands (a bullet with text, or `1.`), and one that does
// so only after a blank line (`2.` in the middle of a paragraph is part of the paragraph).
const ITEM_ANYWHERE = /^( *)([-+*]|1[.)])( {1,4})\S/;
const ITEM_AFTER_BLANK = /^( *)(\d{1,9}[.)])( {1,4})\S/;
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
  let fence: { marker: string; indent: number } | null = null;
  let paragraph: Record<string, number> = {};
  let total = 0;
  let nestingTotal = 0;
  // Where the text of the latest list item starts: a code fence may be indented that far (plus the
  // usual three spaces) and still be a fence. Anywhere else a deeper "fence" is paragraph text.
  let listContentIndent = 0;
  let lastItem: { indent: number; delimiter: string } | null = null;
  let afterBlank = true;
  for (const line of text.split("\n")) {
    const indent = /^ */.exec(line)![0].length;
    const blank = line.trim() === "";
    const opening = FENCE.exec(line);
    // A line indented less than its fence ends the list item holding the fence, and the code block
    // with it: what follows is read as Markdown again, so it is counted again.
    if (fence && !blank && indent < fence.indent) fence = null;
    if (fence) {
      if (opening && opening[2]!.startsWith(fence.marker)) fence = null;
      continue;
    }
    if (opening && opening[1]!.length <= listContentIndent + 3) {
      fence = { marker: opening[2]!, indent: opening[1]!.length };
      paragraph = {};
      continue;
    }
    if (blank) {
      paragraph = {};
      afterBlank = true;
      continue;
    }
    // A list item's text is parsed apart from the item before it, so its marks start a new count.
    // Only lines that surely start an item count as one: a bullet or `1.` no deeper than the
    // current item's text allows, an item after a blank line, or the next number of the item just
    // above (same indentation and delimiter); anything else may be paragraph text and adds up.
    const candidate = ITEM_ANYWHERE.exec(line) ?? ITEM_AFTER_BLANK.exec(line);
    const delimiter = candidate?.[2]!.slice(-1);
    const item =
      candidate &&
      candidate[1]!.length <= listContentIndent + 3 &&
      (afterBlank || ITEM_ANYWHERE.test(line) || (lastItem?.indent === candidate[1]!.length && lastItem.delimiter === delimiter));
    if (item) {
      listContentIndent = candidate[1]!.length + candidate[2]!.length + candidate[3]!.length;
      lastItem = { indent: candidate[1]!.length, delimiter: delimiter! };
      paragraph = {};
    } else if (afterBlank && indent < listContentIndent) {
      listContentIndent = 0;
      lastItem = null;
    }
    afterBlank = false;
    const nesting = lineNesting(line);
    nestingTotal += nesting;
    if (nesting > MAX_MARKDOWN_NESTING) {
      return `Markdown nesting deeper than ${MAX_MARKDOWN_NESTING} levels (quotes or lists inside each other, or indentation) cannot be shown; flatten it.`;
    }
    if (nestingTotal > MAX_NESTING_TOTAL) {
      return `Too much nested Markdown (more than ${MAX_NESTING_TOTAL.toLocaleString("en-US")} quote and list levels in all); flatten it or put it in a code block.`;
    }
    for (const character of line) {
      const kind = DELIMITER_KINDS[character];
      if (!kind) continue;
      total += 1;
      paragraph[kind] = (paragraph[kind] ?? 0) + 1;
      if (paragraph[kind]! > MAX_DELIMITERS_PER_PARAGRAPH) {
        return `More than ${MAX_DELIMITERS_PER_PARAGRAPH.toLocaleString("en-US")} formatting marks like ${character} in one paragraph cannot be shown; split the paragraph or put the text in a code block.`;
      }
    }
    if (total > MAX_DELIMITERS_TOTAL) {
      return `More than ${MAX_DELIMITERS_TOTAL.toLocaleString("en-US")} formatting marks (* _ ~ \` [ ] <) outside code blocks cannot be shown; put long listings in a code block.`;
    }
  }
  return null;
}

/**
 * The schema for every Markdown field (COE answers, descriptions, comments, notes, minutes, lessons,
 * rationales, logs): a string of at most `max` characters that is cheap to render. Forms and server
 * parse with it, so the author sees the reason under the field and the API answers 400.
 */
export function markdownTextSchema(max: number, options: { tooLong?: string; trim?: boolean } = {}) {
  const tooLong = options.tooLong ?? `Keep this under ${max.toLocaleString("en-US")} characters.`;
  return (options.trim ? z.string().trim() : z.string()).max(max, tooLong).superRefine((value, context) => {
    const problem = markdownProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
}
