import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { markdownProblem } from "@/lib/markdown-limits";

// Raw HTML in an answer is dropped (skipHtml), and every link and image URL goes through
// react-markdown's transform, which keeps only http(s), mailto, tel and relative URLs, so
// `javascript:` and `data:` links vanish. Nothing here can add an event handler.
function safeUrl(url: string): string {
  return defaultUrlTransform(url);
}

const components: Components = {
  a: ({ href, children }) => (
    <a href={href || undefined} rel="noopener noreferrer nofollow" target={href?.startsWith("/") ? undefined : "_blank"} className="text-indigo-700 underline">
      {children}
    </a>
  ),
  // Only images stored with the COE (same origin) are shown inline; remote ones become links so a
  // COE cannot make readers' browsers call out to arbitrary hosts.
  img: ({ src, alt }) =>
    typeof src === "string" && isSameSitePath(src) ? (
      // eslint-disable-next-line @next/next/no-img-element
      <img src={src} alt={alt ?? ""} loading="lazy" className="my-2 max-h-[480px] rounded ring-1 ring-slate-200" />
    ) : (
      <a href={typeof src === "string" ? src : undefined} rel="noopener noreferrer nofollow" className="text-indigo-700 underline">
        {alt || "image"}
      </a>
    ),
  // A wide table scrolls inside its own box instead of widening the page on a phone.
  table: ({ children }) => (
    <div className="relative my-2 overflow-x-auto">
      <table>{children}</table>
    </div>
  ),
};

/**
 * A path on this site: "/" followed by a path character. "//host/p.png" and "/\\host/p.png" are
 * read by browsers as other hosts, so they are not local.
 */
function isSameSitePath(src: string): boolean {
  return /^\/[^/\\]/.test(src) && !/[\u0000-\u001f\\]/.test(src);
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
  return (
    <div className={className ?? PROSE}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={safeUrl} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
