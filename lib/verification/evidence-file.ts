import { sniffImageType } from "@/lib/coes/image";
import { fileProblem, type FileRule } from "@/lib/uploads/file-rules";

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

/** Evidence files: at most 5 MB, an image, a PDF or plain text. */
export const EVIDENCE_FILE_RULE: FileRule<EvidenceType> = {
  maxBytes: MAX_EVIDENCE_BYTES,
  sniff: sniffEvidenceType,
  tooLarge: "Evidence files can be at most 5 MB.",
  wrongType: "Attach a PNG, JPEG or WebP image, a PDF or a plain-text file (checked from the file's content).",
  fallbackName: "evidence",
};

/** Why an evidence file is refused, or null when it is fine. */
export function evidenceFileProblem(bytes: Uint8Array): string | null {
  return fileProblem(bytes, EVIDENCE_FILE_RULE);
}
