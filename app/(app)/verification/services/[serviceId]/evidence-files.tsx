"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FilePicker, useFileUpload } from "@/components/ui/file-upload";
import { removeVerificationAttachmentAction } from "@/lib/verification/actions";
import { EVIDENCE_ACCEPT, MAX_ATTACHMENTS_PER_RECORD } from "@/lib/verification/evidence-file";

type EvidenceFile = { id: string; fileName: string; byteSize: number };

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

/**
 * A verification record's evidence files: links for every reader; upload and remove for those who may
 * record verifications. The server checks the bytes, the size and the per-record limit again.
 */
export function EvidenceFiles({
  serviceId,
  recordId,
  files,
  canAttach,
  recordLabel,
}: {
  serviceId: string;
  recordId: string;
  files: EvidenceFile[];
  canAttach: boolean;
  recordLabel: string;
}) {
  const id = useId();
  const router = useRouter();
  const { upload, remove, pending, error } = useFileUpload(
    `/verification/services/${serviceId}/records/${recordId}/attachments`,
    { failed: "The file could not be attached. Try again.", unreachable: "Andon could not be reached; the file was not attached." },
    () => router.refresh(),
  );

  return (
    <div className="mt-2 space-y-1">
      {files.length > 0 ? (
        <ul aria-label={`Evidence files of ${recordLabel}`} className="space-y-1">
          {files.map((file) => (
            <li key={file.id} className="flex items-center gap-2">
              <a className="text-indigo-700 hover:underline" href={`/verification/attachments/${file.id}`} target="_blank" rel="noopener">
                {file.fileName}
              </a>
              <span className="text-xs text-slate-600">{size(file.byteSize)}</span>
              {canAttach ? (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${file.fileName}`}
                  onClick={() =>
                    void remove(
                      () => removeVerificationAttachmentAction({ serviceId, recordId, attachmentId: file.id }),
                      () => router.refresh(),
                    )
                  }
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canAttach && files.length < MAX_ATTACHMENTS_PER_RECORD ? (
        <div>
          <label htmlFor={id} className="text-xs font-medium text-slate-800">
            Attach evidence to {recordLabel} (image, PDF or text, up to 5 MB)
          </label>
          <FilePicker id={id} accept={EVIDENCE_ACCEPT} disabled={pending} className="mt-1 block text-xs" onFile={(file) => void upload(file)} />
          {pending ? <p className="text-xs text-slate-600">Uploading…</p> : null}
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
