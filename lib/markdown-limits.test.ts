import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/coes/markdown";
import {
  MAX_DELIMITERS_PER_PARAGRAPH,
  MAX_DELIMITERS_TOTAL,
  MAX_MARKDOWN_NESTING,
  MAX_NESTING_TOTAL,
  markdownProblem,
  markdownTextSchema,
} from "@/lib/markdown-limits";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

/**
 * CPU time of the render (not wall time: the shared test machines run many processes on two cores),
 * the fastest of a few runs, so a garbage collection landing in one run does not decide the result.
 */
function fastestRenderMs(source: string): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const started = process.cpuUsage();
    render(source);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * What "renders at once" means here: the reported inputs took seconds of CPU each (quadratic in the
 * marks); an accepted worst case takes 10–40 ms on a quiet machine. The budget sits well between the
 * two so a loaded CI machine does not fail it while a quadratic regression still does.
 */
const RENDER_BUDGET_MS = 250;

const depth = MAX_MARKDOWN_NESTING;
const perParagraph = MAX_DELIMITERS_PER_PARAGRAPH;
// As many paragraphs as the total allows, each with as many marks as one paragraph allows.
const paragraphs = (unit: string) =>
  Array.from({ length: Math.floor(MAX_DELIMITERS_TOTAL / perParagraph) }, () => unit.repeat(perParagraph / unit.replace(/[^*_~`[\]<]/g, "").length)).join(
    "\n\n",
  );

// The costliest inputs of each pathological family that the write-time check still accepts.
const WORST_ACCEPTED: Record<string, string> = {
  "nested block quotes": ">".repeat(depth) + " a\n",
  "nested quotes, every line": Array.from({ length: MAX_NESTING_TOTAL / depth }, () => "> ".repeat(depth) + "a").join("\n"),
  "nested lists by indentation": Array.from({ length: depth }, (_, level) => "  ".repeat(level / 2) + "- a").join("\n"),
  "list markers on one line": "- ".repeat(depth) + "a",
  "strikethrough runs": paragraphs("~a"),
  "emphasis runs": paragraphs("*a"),
  "underscore runs": paragraphs("_a"),
  "code span runs": paragraphs("`a"),
  "bracket runs": paragraphs("[a"),
  "image openers": paragraphs("!["),
  "angle brackets": paragraphs("<a"),
};

// The reported attacks, all within the 50,000-character answer limit.
const REPORTED: Record<string, string> = {
  "> × 50,000": ">".repeat(50_000),
  "> × 4,100": ">".repeat(4_100) + " a",
  "~a × 25,000": "~a".repeat(25_000),
  "*a × 25,000": "*a".repeat(25_000),
  "- × 10,000": "- ".repeat(10_000),
  "indented list × 200": Array.from({ length: 200 }, (_, level) => " ".repeat(level) + "- a").join("\n"),
};

describe("Markdown limits", () => {
  render("warm **up** [a](b) ~~c~~\n\n> q\n\n- x"); // the first render loads the parser

  it.each(Object.entries(WORST_ACCEPTED))("accepts and renders the worst %s at once", (_, source) => {
    expect(markdownProblem(source)).toBeNull();
    expect(fastestRenderMs(source)).toBeLessThan(RENDER_BUDGET_MS);
  });

  it.each(Object.entries(REPORTED))("refuses %s at write time with a reason", (_, source) => {
    const result = markdownTextSchema(50_000).safeParse(source);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/nesting deeper than 10 levels|formatting marks|Too much nested/);
  });

  it("names the nesting limit", () => {
    expect(markdownProblem(">".repeat(depth + 1) + " a")).toContain(`nesting deeper than ${depth} levels`);
  });

  it.each(Object.entries(REPORTED))("renders stored %s as plain text at once", (_, source) => {
    expect(fastestRenderMs(source)).toBeLessThan(RENDER_BUDGET_MS);
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

describe("Markdown images", () => {
  it.each(["//evil.example/p.png", "/\\evil.example/p.png", "\\\\evil.example/p.png", "https://evil.example/p.png"])(
    "shows %s as a link, not an image",
    (src) => {
      const html = render(`![x](${src})`);
      expect(html).not.toMatch(/<img src="(\/\/|\/\\|\\|https?:)/);
    },
  );

  it("shows a same-site path inline", () => {
    expect(render("![x](/coes/c1/attachments/a1)")).toContain('<img src="/coes/c1/attachments/a1"');
  });
});
