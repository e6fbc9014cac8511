/**
 * What every kind of file Andon keeps in PostgreSQL (COE images, verification evidence) checks the
 * same way: the bytes decide the type, never the upload's name or declared type; a size cap; a name
 * safe to store and show. Each kind names its own types, cap and sentences in a FileRule.
 */
export type FileRule<T extends string = string> = {
  maxBytes: number;
  sniff: (bytes: Uint8Array) => T | null;
  tooLarge: string;
  wrongType: string;
  /** The stored name when nothing of the upload's name is left. */
  fallbackName: string;
};

/** Room for the multipart envelope around the file when the declared body size is checked. */
const MULTIPART_ENVELOPE_BYTES = 64 * 1024;

/** Why a file is refused, or null when it is fine. */
export function fileProblem(bytes: Uint8Array, rule: FileRule): string | null {
  if (bytes.length === 0) return "The file is empty.";
  if (bytes.length > rule.maxBytes) return rule.tooLarge;
  if (!rule.sniff(bytes)) return rule.wrongType;
  return null;
}

/** A stored name: letters, digits, dot, dash, underscore and space, at most 120 characters. */
export function storedFileName(name: string, fallback: string): string {
  return name.replace(/[^\w.\- ]+/g, "_").slice(0, 120) || fallback;
}

/** Whether an upload's declared body is too large to be worth reading. */
export function declaredTooLarge(request: Request, rule: FileRule): boolean {
  return Number(request.headers.get("content-length") ?? "0") > rule.maxBytes + MULTIPART_ENVELOPE_BYTES;
}
