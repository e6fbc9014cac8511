import "server-only";
import { createHash } from "node:crypto";
import { contentDisposition } from "@/lib/download";
import { UserError } from "@/lib/errors";
import { fileProblem, storedFileName, type FileRule } from "@/lib/uploads/file-rules";

/**
 * The columns every stored-file table shares (CoeAttachment, VerificationAttachment), and how such a
 * file is served. Each domain's mutations.ts still writes its own table with these columns.
 */
export type StoredFileColumns<T extends string> = {
  fileName: string;
  contentType: T;
  byteSize: number;
  sha256: string;
  data: Buffer<ArrayBuffer>;
  uploadedById: string;
};

/** What an upload answers with and a list shows: never the bytes. */
export const storedFileSummarySelect = { id: true, fileName: true, contentType: true, byteSize: true } as const;

/** Checks an upload against its rule (a UserError on the `file` field when refused) and returns the columns to store. */
export function storedFileColumns<T extends string>(
  input: { fileName: string; bytes: Uint8Array },
  rule: FileRule<T>,
  uploadedById: string,
): StoredFileColumns<T> {
  const problem = fileProblem(input.bytes, rule);
  if (problem) throw new UserError(problem, { file: [problem] });
  return {
    fileName: storedFileName(input.fileName, rule.fallbackName),
    contentType: rule.sniff(input.bytes)!,
    byteSize: input.bytes.length,
    sha256: createHash("sha256").update(input.bytes).digest("hex"),
    data: Buffer.from(input.bytes),
    uploadedById,
  };
}

/**
 * A stored file as an HTTP answer: the type sniffed at upload and no sniffing here, sandboxed, kept
 * only by the reader's own browser.
 */
export function storedFileResponse(
  file: { fileName: string; contentType: string; sha256: string; data: Uint8Array },
  disposition: "inline" | "attachment",
): Response {
  return new Response(new Uint8Array(file.data), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": contentDisposition(file.fileName, disposition),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=3600",
      etag: `"${file.sha256}"`,
    },
  });
}
