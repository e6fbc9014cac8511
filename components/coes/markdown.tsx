import MarkdownIt, { type RendererRule } from "markdown-it";
import { MAX_MARKDOWN_NESTING, markdownProblem } from "@/lib/markdown-limits";

// markdown-it parses in time proportional to the text, where react-markdown spent ~280 ms of CPU on
// a long answer; the write-time limits bound what the text can make it build. maxNesting is also
// how far an unclosed "[" looks ahead, so it is kept to what the nesting limit needs: a list level
// is two (the list and its item), with room for links and emphasis inside each other.
const md = new MarkdownIt({ html: true, linkify: true, maxNesting: 2 * MAX_MARKDOWN_NESTING + 5 });
md.enable(["table", "strikethrough"]);
// Bare URLs become links as in GitHub's Markdown: "https://…", "www.…" and e-mail addresses, but not
// "//host" or file names that happen to end in a country's domain ("retry_policy.ts").
md.linkify.set({ fuzzyLink: false });
md.linkify.add("//", null);
md.linkify.add("ftp:", null);
md.linkify.add("www.", {
  validate: (text, position, linkify) => {
    const host = linkify.re.get_relative_proto_validator();
    host.lastIndex = position;
    return host.exec(text)?.[0].length ?? 0;
  },
  normalize: (match) => {
    match.url = `http://${match.url}`;
  },
});
// Every URL is checked where it is written into the page (below), so a link whose URL is refused
// keeps its text and loses only its href.
md.validateLink = () => true;

/**
 * The URL if it may be placed in an href or src, or "": http(s), mailto, tel and relative URLs.
 * `javascript:`, `data:`, `vbscript:` and every other scheme are refused. A colon after the first
 * "/", "?" or "#" belongs to a relative URL's path, query or fragment, not to a scheme.
 */
function safeUrl(url: string): string {
  const colon = url.indexOf(":");
  if (colon === -1) return url;
  const relativeEnd = url.search(/[/?#]/);
  if (relativeEnd !== -1 && relativeEnd < colon) return url;
  return /^(https?|mailto|tel)$/i.test(url.slice(0, colon)) ? url : "";
}

/**
 * A path on this site: "/" followed by a path character. "//host/p.png" and "/\\host/p.png" are
 * read by browsers as other hosts, so they are not local.
 */
function isSameSitePath(src: string): boolean {
  return /^\/[^/\\]/.test(src) && !/[\u0000-\u001f\\]/.test(src);
}

const attribute = (name: string, value: string) => ` ${name}="${md.utils.escapeHtml(value)}"`;
const LINK_CLASS = "text-indigo-700 underline";

// Raw HTML in an answer is dropped, so nothing here can add an element or an event handler.
md.renderer.rules.html_block = () => "";
md.renderer.rules.html_inline = () => "";

const linkOpen: RendererRule = (tokens, index) => {
  const href = safeUrl(String(tokens[index]!.attrGet("href") ?? ""));
  return `<a${href ? attribute("href", href) : ""} rel="noopener noreferrer nofollow"${href.startsWith("/") ? "" : ' target="_blank"'} class="${LINK_CLASS}">`;
};
md.renderer.rules.link_open = linkOpen;

// Only images stored with the COE (same origin) are shown inline; remote ones become links so a
// COE cannot make readers' browsers call out to arbitrary hosts. The URL is checked as written too,
// since markdown-it percent-encodes "\" and would hide "/\\host".
const image: RendererRule = (tokens, index, options, env, renderer) => {
  const token = tokens[index]!;
  const src = safeUrl(String(token.attrGet("src") ?? ""));
  const alt = renderer.renderInlineAsText(token.children ?? [], options, env);
  if (isSameSitePath(src) && isSameSitePath(md.normalizeLinkText(src))) {
    return `<img${attribute("src", src)}${attribute("alt", alt)} loading="lazy" class="my-2 max-h-[480px] rounded ring-1 ring-slate-200">`;
  }
  return `<a${src ? attribute("href", src) : ""} rel="noopener noreferrer nofollow" class="${LINK_CLASS}">${md.utils.escapeHtml(alt || "image")}</a>`;
};
md.renderer.rules.image = image;

// Struck-out text is a deletion, as GitHub (and react-markdown before) marks it.
md.renderer.rules.s_open = () => "<del>";
md.renderer.rules.s_close = () => "</del>";

// A wide table scrolls inside its own box instead of widening the page on a phone.
md.renderer.rules.table_open = () => '<div class="relative my-2 overflow-x-auto"><table>\n';
md.renderer.rules.table_close = () => "</table></div>\n";

/** The HTML for Markdown within the write-time limits (markdownProblem returns null for it). */
function renderMarkdown(source: string): string {
  return md.render(source);
}

// Typography for rendered answers, without a plugin: descendant selectors on the wrapper.
const PROSE =
  "break-words text-sm leading-6 text-slate-800 [&_a]:break-words [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:mt-4 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-3 [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_ul]:list-disc [&_ul]:pl-6";

export function Markdown({ source, className }: { source: string; className?: string }) {
  // Text stored before the write-time limits existed (or written around them) could cost seconds
  // of parsing on every view: it is shown as typed instead, which costs nothing.
  const problem = markdownProblem(source);
  if (problem) {
    return (
      <div className={className ?? PROSE}>
        <p className="text-xs text-slate-600">This text is shown as plain text: {problem}</p>
        <p className="whitespace-pre-wrap break-words">{source}</p>
      </div>
    );
  }
  // The HTML comes from renderMarkdown, which escapes all text and drops raw HTML and unsafe URLs.
  return <div className={className ?? PROSE} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
