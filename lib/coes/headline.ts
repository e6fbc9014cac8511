/**
 * Search snippets come from PostgreSQL's ts_headline with these control characters around each
 * match. The page splits on them and renders the pieces as text, so everything the user wrote is
 * escaped by React and only the marks become <mark> elements.
 */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_STOP = "\u0003";

export type SnippetPart = { text: string; highlighted: boolean };

export function splitHeadline(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlighted = false;
  for (const piece of headline.split(/([\u0002\u0003])/)) {
    if (piece === HIGHLIGHT_START) highlighted = true;
    else if (piece === HIGHLIGHT_STOP) highlighted = false;
    else if (piece !== "") parts.push({ text: piece, highlighted });
  }
  return parts;
}
