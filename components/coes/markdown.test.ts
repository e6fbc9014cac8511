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
    expect(render("~~old~~ new")).toContain("<del>old</del> new");
  });

  it("shows attached images inline and turns remote images into links", () => {
    expect(render("![graph](/api/coes/c1/attachments/a1)")).toContain('<img src="/api/coes/c1/attachments/a1" alt="graph"');
    const remote = render("![pixel](https://tracker.example/p.gif)");
    expect(remote).not.toContain("<img");
    expect(remote).toContain('href="https://tracker.example/p.gif"');
  });
});

describe("Markdown links", () => {
  it.each([
    ["javascript:", "[click](javascript:alert(1))"],
    ["data:", "[click](data:text/html;base64,PHNjcmlwdD4=)"],
    ["vbscript:", "[click](VBScript:msgbox(1))"],
    ["file:", "[click](file:///etc/passwd)"],
    ["a javascript: reference", "[click][x]\n\n[x]: javascript:alert(1)"],
  ])("keeps the text of a %s link and drops its target", (_, source) => {
    const html = render(source);
    expect(html).toContain('<a rel="noopener noreferrer nofollow" target="_blank" class="text-indigo-700 underline">click</a>');
    expect(html).not.toContain("href=");
  });

  it("opens other sites in a new tab, without referrer or opener, and this site's pages in place", () => {
    expect(render("[docs](https://example.com/a?b=1&c=2)")).toContain(
      '<a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" target="_blank" class="text-indigo-700 underline">docs</a>',
    );
    expect(render("[action](/actions/a1)")).toContain('<a href="/actions/a1" rel="noopener noreferrer nofollow" class="text-indigo-700 underline">action</a>');
  });

  it("keeps mailto, tel and relative links", () => {
    const html = render("[mail](mailto:oncall@example.com) [call](tel:+15551234) [next](../b#c) [query](?page=2)");
    for (const href of ["mailto:oncall@example.com", "tel:+15551234", "../b#c", "?page=2"]) expect(html).toContain(`href="${href}"`);
  });

  it("escapes what a URL or a title could smuggle into an attribute", () => {
    const html = render('[x](</a"onmouseover="alert(1)>) ![a" onerror="alert(1)](/p.png)');
    // An attribute of its own would follow a tag name or a closing quote.
    expect(html).not.toMatch(/(<[a-z]+|")\s+on[a-z]+\s*=/i);
    expect(html).toContain('href="/a%22onmouseover=%22alert(1)"');
    expect(html).toContain('<img src="/p.png" alt="a&quot; onerror=&quot;alert(1)" loading="lazy"');
  });

  it("links written-out web and e-mail addresses, not bare hosts or file names", () => {
    const html = render("See https://status.example.com/x, www.example.com and oncall@example.com; not //evil.example or retry_policy.ts.");
    expect(html).toContain('href="https://status.example.com/x"');
    expect(html).toContain('href="http://www.example.com"');
    expect(html).toContain('href="mailto:oncall@example.com"');
    expect(html).not.toContain('href="//evil.example"');
    expect(html).not.toContain("policy.ts</a>");
  });
});

describe("Markdown images", () => {
  it.each([
    "//evil.example/p.png",
    "/\\evil.example/p.png",
    "\\\\evil.example/p.png",
    "/%5Cevil.example/p.png",
    "https://evil.example/p.png",
    "javascript:alert(1)",
  ])("shows %s as a link, not an image", (src) => {
    const html = render(`![x](${src})`);
    expect(html).not.toContain("<img");
    expect(html).toContain('rel="noopener noreferrer nofollow" class="text-indigo-700 underline">x</a>');
  });

  it("names a remote image without alt text 'image'", () => {
    expect(render("![](https://evil.example/p.png)")).toContain(">image</a>");
  });

  it("shows a same-site path inline, lazily", () => {
    expect(render("![x](/coes/c1/attachments/a1)")).toContain(
      '<img src="/coes/c1/attachments/a1" alt="x" loading="lazy" class="my-2 max-h-[480px] rounded ring-1 ring-slate-200">',
    );
  });
});

describe("Markdown tables", () => {
  it("puts a table in a box that scrolls sideways", () => {
    expect(render("| a | b |\n| - | -: |\n| 1 | 2 |")).toMatch(
      /<div class="relative my-2 overflow-x-auto"><table>\n<thead>[\s\S]*<td style="text-align:right">2<\/td>[\s\S]*<\/table><\/div>/,
    );
  });
});
