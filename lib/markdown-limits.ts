import { z } from "zod";

/**
 * Bounds on Markdown that keep rendering cheap. The renderer (markdown-it) takes time in proportion
 * to the text, but the text's size alone does not bound it: what costs is the number of things it
 * builds, and 50,000 characters can hold 16,000 one-letter paragraphs, 8,000 links or a table that
 * the parser fills out to 65,000 empty cells. The limits count those things (quote and list levels,
 * inline formatting marks, lines, table cells, written-out addresses) where the worst text they
 * accept renders in well under 50 ms of CPU, as a long ordinary answer does (a 48,000-character
 * incident write-up with a 160-entry timeline, tables and code: see markdown-limits.test.ts), so they
 * refuse only constructions nobody writes by hand. They are checked when text is written
 * (markdownTextSchema) and again before stored text is rendered (components/coes/markdown.tsx).
 */
export const MAX_MARKDOWN_NESTING = 10;
/** Quote and list levels over all lines (a flat list item is one): room for a 1,500-item list. */
export const MAX_NESTING_TOTAL = 1_500;
/**
 * Inline delimiters of one kind (emphasis `*` `_`, strikethrough `~`, code `` ` ``, links `[` `]`)
 * in one paragraph or list item, counted as in MAX_DELIMITERS_TOTAL.
 */
export const MAX_DELIMITERS_PER_PARAGRAPH = 1_000;
/**
 * All inline delimiters in the whole text (a long write-up has 3,000–6,000): bounds the sum over
 * paragraphs. Brackets count twice and an image opener `![` three times, as the parser spends about
 * that much more time on them than on emphasis.
 */
export const MAX_DELIMITERS_TOTAL = 8_000;
/** Non-blank lines outside code blocks, each a block or a line break to build (a long write-up has a few hundred). */
export const MAX_MARKDOWN_LINES = 2_000;
/** Table cells in all tables, counted as columns × rows: the parser fills every short row up to the header's width. */
export const MAX_TABLE_CELLS = 2_000;
/**
 * Web and e-mail addresses written out in the text ("https://…", "www.…", "name@host"), each of
 * which becomes a link (a link's own target, "[text](https://…)", is not counted).
 */
export const MAX_BARE_LINKS = 200;
/**
 * What the text makes the renderer build, all kinds together, in units of about one formatting
 * mark's time: a line costs 4, a table cell 2, a written-out address 30. Each limit above bounds
 * one kind; this bounds text that comes near several of them at once. The long write-up of the
 * test needs ~6,000.
 */
export const MAX_MARKDOWN_WORK = 10_000;
const WORK_PER_LINE = 4;
const WORK_PER_TABLE_CELL = 2;
const WORK_PER_BARE_LINK = 30;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const FENCE = /^( *)(`{3,}|~{3,})/;
// A list item that starts a block wherever it stands (a bullet with text, or `1.`), and one that does
// so only after a blank line (`2.` in the middle of a paragraph is part of the paragraph).
const ITEM_ANYWHERE = /^( *)([-+*]|1[.)])( {1,4})\S/;
const ITEM_AFTER_BLANK = /^( *)(\d{1,9}[.)])( {1,4})\S/;
const DELIMITER_KINDS: Record<string, string> = { "*": "*", _: "*", "~": "~", "`": "`", "[": "[", "]": "[", "<": "<" };
// A table's delimiter row ("| --- | :-: |"): its dashes give the table's width.
const TABLE_DELIMITER_ROW = /^[ \t|:-]*$/;
const BARE_LINK = /(?<!\]\()(?:https?:\/\/|www\.)|@/gi;

/**
 * How many containers (block quotes, list items) a line opens, counting indentation as list nesting,
 * and the line's text inside them.
 */
function lineNesting(line: string): { depth: number; rest: string } {
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
    return { depth, rest };
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
  let lines = 0;
  let tableCells = 0;
  let bareLinks = 0;
  // The width of the table being read, 0 outside tables; a table ends at a blank line.
  let tableColumns = 0;
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
      tableColumns = 0;
      continue;
    }
    lines += 1;
    if (lines > MAX_MARKDOWN_LINES) {
      return `More than ${MAX_MARKDOWN_LINES.toLocaleString("en-US")} lines of Markdown outside code blocks cannot be shown; put long listings in a code block.`;
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
    const { depth: nesting, rest } = lineNesting(line);
    nestingTotal += nesting;
    if (nesting > MAX_MARKDOWN_NESTING) {
      return `Markdown nesting deeper than ${MAX_MARKDOWN_NESTING} levels (quotes or lists inside each other, or indentation) cannot be shown; flatten it.`;
    }
    if (nestingTotal > MAX_NESTING_TOTAL) {
      return `Too much nested Markdown (more than ${MAX_NESTING_TOTAL.toLocaleString("en-US")} quote and list levels in all); flatten it or put it in a code block.`;
    }
    if (rest.includes("|") && rest.includes("-") && TABLE_DELIMITER_ROW.test(rest)) {
      // The header row above was not counted yet.
      tableColumns = rest.match(/-+/g)!.length;
      tableCells += tableColumns;
    }
    tableCells += tableColumns;
    if (tableCells > MAX_TABLE_CELLS) {
      return `Tables with more than ${MAX_TABLE_CELLS.toLocaleString("en-US")} cells in all cannot be shown; shorten them or put the data in a code block.`;
    }
    bareLinks += line.match(BARE_LINK)?.length ?? 0;
    if (bareLinks > MAX_BARE_LINKS) {
      return `More than ${MAX_BARE_LINKS.toLocaleString("en-US")} web or e-mail addresses outside code blocks cannot be shown as links; put long lists of addresses in a code block.`;
    }
    let previous = "";
    for (const character of line) {
      const kind = DELIMITER_KINDS[character];
      const marks = kind === "[" ? (character === "[" && previous === "!" ? 3 : 2) : 1;
      previous = character;
      if (!kind) continue;
      total += marks;
      paragraph[kind] = (paragraph[kind] ?? 0) + marks;
      if (paragraph[kind]! > MAX_DELIMITERS_PER_PARAGRAPH) {
        return `More than ${MAX_DELIMITERS_PER_PARAGRAPH.toLocaleString("en-US")} formatting marks like ${character} in one paragraph cannot be shown; split the paragraph or put the text in a code block.`;
      }
    }
    if (total > MAX_DELIMITERS_TOTAL) {
      return `More than ${MAX_DELIMITERS_TOTAL.toLocaleString("en-US")} formatting marks (* _ ~ \` [ ] <) outside code blocks cannot be shown; put long listings in a code block.`;
    }
    if (total + WORK_PER_LINE * lines + WORK_PER_TABLE_CELL * tableCells + WORK_PER_BARE_LINK * bareLinks > MAX_MARKDOWN_WORK) {
      return "This text has too much Markdown to show: its formatting marks, lines, table cells and web addresses add up past the limit; put long listings in a code block.";
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
