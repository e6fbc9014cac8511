import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/coes/markdown";
import {
  MAX_BARE_LINKS,
  MAX_DELIMITERS_PER_PARAGRAPH,
  MAX_DELIMITERS_TOTAL,
  MAX_MARKDOWN_LINES,
  MAX_MARKDOWN_NESTING,
  MAX_MARKDOWN_WORK,
  MAX_NESTING_TOTAL,
  MAX_TABLE_CELLS,
  markdownProblem,
  markdownTextSchema,
} from "@/lib/markdown-limits";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

/**
 * A long, ordinary incident write-up near the 50,000-character answer limit: a 160-entry timeline
 * with bold times, code names and links, a 60-row impact table, prose, a SQL listing and nested
 * "five whys". Rendering it is the yardstick for what the limits may let through.
 */
function realisticLongAnswer(): string {
  const parts: string[] = ["## Timeline (all times UTC)", ""];
  for (let minute = 0; minute < 160; minute++) {
    const time = `${String(10 + Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
    parts.push(
      `- **${time}** The \`checkout_api\` p99 latency alarm fired; on-call acknowledged it in [PagerDuty](https://pagerduty.example.com/incidents/P${1000 + minute}) and checked the _payments_db_ dashboard.`,
    );
  }
  parts.push("", "## Impact", "", "| Service | Requests failed | p99 before (ms) | p99 during (ms) | Customers |", "| --- | ---: | ---: | ---: | --- |");
  for (let row = 0; row < 60; row++) parts.push(`| \`svc_${row}_api\` | ${row * 37} | 120 | ${400 + row} | ~${row * 3} accounts in **eu-west-1** |`);
  parts.push("", "## What we saw", "");
  for (let paragraph = 0; paragraph < 20; paragraph++) {
    parts.push(
      `The pool on \`payments_db_primary\` hit its limit (see [graph ${paragraph}](https://grafana.example.com/d/abc?from=now-6h)) because \`lib/http/retry_policy.ts\` doubled the load; **every** retry opened a _new_ connection, and the ~~old~~ breaker never tripped since its threshold was < 50% errors.`,
      "",
    );
  }
  parts.push("```sql", ...Array.from({ length: 40 }, (_, line) => `SELECT count(*) FROM pg_stat_activity WHERE state = 'active' -- ${line} *_~\``), "```", "");
  parts.push("## Five whys", "");
  for (let why = 1; why <= 5; why++) {
    parts.push(
      `${why}. Why? Because layer **${why}** did not \`back_off\`:`,
      `   - detail with [a link](https://example.com/${why}) and _emphasis_`,
      `     - deeper: \`config_${why}\``,
    );
  }
  let text = parts.join("\n");
  while (text.length < 48_000)
    text += "\n\nFollow-up: see [the runbook](https://wiki.example.com/runbooks/payments_db) and **owner** `team_payments`; _no_ data was lost.";
  return text;
}

/**
 * CPU time of the render (not wall time: the shared test machines run many processes on two cores),
 * the fastest of a few runs, so a garbage collection landing in one run does not decide the result.
 */
function fastestRenderMs(source: string, runs = 3): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = process.cpuUsage();
    render(source);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * What rendering one Markdown field may cost in CPU time: the long ordinary answer and the worst
 * accepted input of each family must each render within it. On the busy shared test machine
 * react-markdown took ~280 ms for the ordinary answer; markdown-it takes 8–20 ms, and 3–25 ms for
 * the worst accepted inputs.
 */
const RENDER_BUDGET_MS = 50;
/** Stored text over the limits is shown as plain text: that costs next to nothing. */
const PLAIN_TEXT_BUDGET_MS = 50;

const depth = MAX_MARKDOWN_NESTING;
const perParagraph = MAX_DELIMITERS_PER_PARAGRAPH;
// The marks in a piece of text as the limits count them (brackets twice, an image opener three times).
const marks = (unit: string) => unit.replace(/[^*_~`[\]<]/g, "").length + unit.replace(/[^[\]]/g, "").length + (unit.match(/!\[/g)?.length ?? 0);
// As many paragraphs as the total allows, each with as many marks as one paragraph allows.
const paragraphs = (unit: string) =>
  Array.from({ length: Math.floor(MAX_DELIMITERS_TOTAL / perParagraph) }, () => unit.repeat(perParagraph / marks(unit))).join("\n\n");
const lines = (count: number, line: string) => Array.from({ length: count }, () => line).join("\n");
// A table `columns` wide holding `cells` cells in all, its header and delimiter row included.
const table = (columns: number, cells: number, row: string) =>
  ["|a".repeat(columns) + "|", "|-".repeat(columns) + "|", ...Array.from({ length: cells / columns - 2 }, () => row)].join("\n");

// The costliest inputs of each pathological family that the write-time check still accepts.
const WORST_ACCEPTED: Record<string, string> = {
  "nested block quotes": ">".repeat(depth) + " a\n",
  "nested quotes, every line": lines(MAX_NESTING_TOTAL / depth, "> ".repeat(depth) + "a"),
  "nested lists by indentation": Array.from({ length: depth }, (_, level) => "  ".repeat(level / 2) + "- a").join("\n"),
  "list markers on one line": "- ".repeat(depth) + "a",
  "list markers, every line": lines(MAX_NESTING_TOTAL / depth, "- ".repeat(depth) + "a"),
  "a list nested in every item": lines(MAX_NESTING_TOTAL / 2, "- - a"),
  "the longest flat list": lines(MAX_NESTING_TOTAL, "- a"),
  "list items at the paragraph limit": lines(MAX_DELIMITERS_TOTAL / perParagraph, "- " + "*a".repeat(perParagraph)),
  "strikethrough runs": paragraphs("~a"),
  "emphasis runs": paragraphs("*a"),
  "underscore runs": paragraphs("_a"),
  "code span runs": paragraphs("`a"),
  "bracket runs": paragraphs("[a"),
  links: paragraphs("[a](/b) "),
  "image openers": paragraphs("!["),
  "angle brackets": paragraphs("<a"),
  "one-line paragraphs": lines(MAX_MARKDOWN_LINES, "a\n"),
  "one-line headings": lines(MAX_MARKDOWN_LINES, "# a"),
  "a line break on every line": lines(MAX_MARKDOWN_LINES, "a\\"),
  "the widest table, its short rows filled out": table(MAX_TABLE_CELLS / 5, MAX_TABLE_CELLS, "a"),
  "the longest table": table(2, MAX_TABLE_CELLS, "|a|b|"),
  "web addresses": "https://a.example ".repeat(MAX_BARE_LINKS),
  "www addresses": "www.a.example ".repeat(MAX_BARE_LINKS),
  "e-mail addresses": "a@a.example ".repeat(MAX_BARE_LINKS),
  // Near several limits at once, up to the shared work limit: about a third of it each in formatting
  // marks, one-line paragraphs (4 units a line) and written-out addresses (30 units each).
  "every kind at once": [
    lines(3, "*a".repeat(perParagraph) + "\n"),
    lines(MAX_MARKDOWN_WORK / 3 / 4 - 10, "a\n"),
    "www.a.example ".repeat(Math.floor(MAX_MARKDOWN_WORK / 3 / 30)),
  ].join("\n\n"),
  // A row of two cells and its line cost 2 × 2 + 4 units.
  "the longest table and lines": [table(2, MAX_TABLE_CELLS, "|a|b|"), lines((MAX_MARKDOWN_WORK - 4 * MAX_TABLE_CELLS) / 4 - 10, "a\n")].join("\n\n"),
};

// The reported attacks, all within the 50,000-character answer limit, and one that hid in a code block.
const REPORTED: Record<string, string> = {
  "> × 50,000": ">".repeat(50_000),
  "> × 4,100": ">".repeat(4_100) + " a",
  "~a × 25,000": "~a".repeat(25_000),
  "*a × 25,000": "*a".repeat(25_000),
  "- × 10,000": "- ".repeat(10_000),
  "indented list × 200": Array.from({ length: 200 }, (_, level) => " ".repeat(level) + "- a").join("\n"),
  "- a × 12,000": lines(12_000, "- a"),
  "~a × 20,000 after a list item's code fence": "- x\n  ```\n" + "~a".repeat(20_000),
  "a × 16,000 paragraphs": lines(16_000, "a\n"),
  "a table header 1,000 wide over 10,000 short rows": table(1_000, 2_000, "a") + "\na".repeat(10_000),
  "https://a.example × 300": "https://a.example ".repeat(300),
  "the longest table and 990 formatted paragraphs": [
    table(2, MAX_TABLE_CELLS, "|a|b|"),
    lines(MAX_MARKDOWN_LINES - MAX_TABLE_CELLS / 2 - 10, "a **b** `c`\n"),
  ].join("\n\n"),
  "![ × 16,000": "![".repeat(16_000),
};

describe("Markdown limits", () => {
  const ordinary = realisticLongAnswer();
  // The budget is for a running server, which has rendered answers before: the first renders of a
  // process load the parser and compile its code (the first one takes ~40 ms).
  fastestRenderMs(ordinary, 10);

  it("accepts a long ordinary answer, and an answer of long lists, tables and code blocks", () => {
    expect(ordinary.length).toBeGreaterThan(48_000);
    expect(markdownTextSchema(50_000).safeParse(ordinary).success).toBe(true);
    const longList = lines(400, "- **Step** ran `deploy_service` on [host](https://example.com/h) and checked _the_ ~~old~~ dashboard");
    const bigTable = ["| a | b | c |", "| - | - | - |", ...Array.from({ length: 150 }, (_, row) => `| \`k_${row}\` | **${row}** | [x](/y) |`)].join("\n");
    const codeInList = [
      "- Config we rolled back:",
      "",
      "    ```yaml",
      ...Array.from({ length: 300 }, (_, line) => `    ${"  ".repeat(line % 12)}key_${line}: *ref_${line}`),
      "    ```",
    ].join("\n");
    for (const source of [longList, bigTable, codeInList]) {
      expect(source.length).toBeLessThan(50_000);
      expect(markdownProblem(source)).toBeNull();
    }
    expect(render(ordinary)).toContain("<table>");
  });

  it("renders the long ordinary answer within the budget", () => {
    expect(fastestRenderMs(ordinary)).toBeLessThan(RENDER_BUDGET_MS);
  });

  it.each(Object.entries(WORST_ACCEPTED))("accepts the worst %s and renders it within the budget", (_, source) => {
    expect(source.length).toBeLessThanOrEqual(50_000);
    expect(markdownProblem(source)).toBeNull();
    expect(fastestRenderMs(source)).toBeLessThan(RENDER_BUDGET_MS);
  });

  it.each(Object.entries(REPORTED))("refuses %s at write time with a reason", (_, source) => {
    const result = markdownTextSchema(50_000).safeParse(source);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(
      /nesting deeper than 10 levels|formatting marks|Too much nested|lines of Markdown|cells in all|addresses|too much Markdown/,
    );
  });

  it.each([
    ["numbered lines inside a paragraph", "Intro\n" + lines(3, "2. " + "~a".repeat(400))],
    ["numbers of another kind after a bullet", "- x\n" + lines(3, "2) " + "~a".repeat(400))],
    ["deep bullets under a paragraph", "Intro\n" + lines(3, "    - " + "~a".repeat(400))],
  ])("counts %s as one paragraph, as the parser reads them", (_, source) => {
    expect(markdownProblem(source)).toContain("in one paragraph");
  });

  it("names the nesting limit", () => {
    expect(markdownProblem(">".repeat(depth + 1) + " a")).toContain(`nesting deeper than ${depth} levels`);
  });

  it.each(Object.entries(REPORTED))("renders stored %s as plain text at once", (_, source) => {
    expect(fastestRenderMs(source, 5)).toBeLessThan(PLAIN_TEXT_BUDGET_MS);
    expect(render(source)).toContain("shown as plain text");
  });

  it("leaves ordinary writing alone, code blocks included", () => {
    const ordinary = [
      "# Timeline",
      "> The deploy went out at 10:02.",
      "- **one**\n  - _two_\n    - `three`",
      "```\n" + "*".repeat(5000) + "\n```",
      "| a | b |\n| - | - |\n| ~~x~~ | [y](https://example.com) |",
    ].join("\n\n");
    expect(markdownProblem(ordinary)).toBeNull();
    expect(render(ordinary)).toContain("<blockquote>");
  });
});
