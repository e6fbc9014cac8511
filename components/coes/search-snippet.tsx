import { splitHeadline } from "@/lib/coes/headline";

/** A ts_headline result: the user's text as escaped text, the matches in <mark>. */
export function Highlighted({ headline }: { headline: string }) {
  return (
    <>
      {splitHeadline(headline).map((part, index) =>
        part.highlighted ? (
          <mark key={index} className="rounded bg-amber-100 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** Answers are Markdown; a snippet reads better without the emphasis and code marks. */
function withoutMarkdownMarks(headline: string): string {
  return headline.replace(/\*\*|__|`|(^|\s)#{1,6}\s/g, "$1");
}

export function SearchSnippet({ headline }: { headline: string }) {
  return (
    <p className="mt-1 text-xs leading-5 text-slate-600">
      <Highlighted headline={withoutMarkdownMarks(headline)} />
    </p>
  );
}
