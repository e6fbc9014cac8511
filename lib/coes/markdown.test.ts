import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/coes/markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

// Payloads from the usual XSS cheat sheets, as an author could type them into an answer.
const XSS_PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/xss.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<body onload=alert(1)>",
  '<a href="javascript:alert(1)">click</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](vbscript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![x](javascript:alert(1))",
  '![x](/ok.png" onerror="alert(1))',
  "<iframe src=javascript:alert(1)></iframe>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<<script>alert(1)//<</script>",
  '"><script>alert(1)</script>',
  '<a href="#" onclick="alert(1)">x</a>',
  '[x](https://example.com "title" onmouseover=alert(1))',
  "<details open ontoggle=alert(1)>",
  "https://example.com/<script>alert(1)</script>",
];

describe("Markdown rendering", () => {
  it.each(XSS_PAYLOADS)("neutralises %s", (payload) => {
    const html = render(`Before\n\n${payload}\n\nAfter`).toLowerCase();
    expect(html).not.toContain("<script");
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/);
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("vbscript:");
    expect(html).not.toMatch(/<(iframe|svg|math|style|body|details)\b/);
    expect(html).not.toMatch(/href="data:/);
    expect(html).toContain("after");
  });

  it("still renders ordinary Markdown: emphasis, lists, tables, safe links", () => {
    const html = render("**bold** and [docs](https://example.com)\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<table>");
  });

  it("shows attached images inline and turns remote images into links", () => {
    expect(render("![graph](/api/coes/c1/attachments/a1)")).toContain('<img src="/api/coes/c1/attachments/a1" alt="graph"');
    const remote = render("![pixel](https://tracker.example/p.gif)");
    expect(remote).not.toContain("<img");
    expect(remote).toContain('href="https://tracker.example/p.gif"');
  });
});
