import { sniffImageType } from "@/lib/coes/image";

/**
 * Files a verification may carry as evidence (a restore log, a drill report, a screenshot): stored in
 * PostgreSQL like COE images, with the type recognised from the bytes, never from the upload's name
 * or declared type. Images and PDFs are served as they are; text (a log, a `chaos run` output) as
 * plain UTF-8 text.
 */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_RECORD = 10;
export const EVIDENCE_ACCEPT = "image/png,image/jpeg,image/webp,application/pdf,text/plain,.log,.txt,.json,.md";

export type EvidenceType = "image/png" | "image/jpeg" | "image/webp" | "application/pdf" | "text/plain; charset=utf-8";

// Control characters other than tab, line feed, form feed and carriage return mean "not text".
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  const image = sniffImageType(bytes);
  if (image) return image;
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === "%PDF-") return "application/pdf";
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return BINARY_CONTROL.test(text) ? null : "text/plain; charset=utf-8";
  } catch {
    return null;
  }
}

/** Why an evidence file is refused, or null when it is fine. */
export function evidenceFileProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "The file is empty.";
  if (bytes.length > MAX_EVIDENCE_BYTES) return "Evidence files can be at most 5 MB.";
  if (!sniffEvidenceType(bytes)) return "Attach a PNG, JPEG or WebP image, a PDF or a plain-text file (checked from the file's content).";
  return null;
}

/** A stored name: letters, digits, dot, dash, underscore and space, at most 120 characters. */
export function storedFileName(name: string): string {
  return name.replace(/[^\w.\- ]+/g, "_").slice(0, 120) || "evidence";
}
