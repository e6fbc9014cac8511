"use client";

import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FilePicker, useFileUpload } from "@/components/ui/file-upload";
import { deleteAttachmentAction } from "@/lib/coes/actions";

export type UploadedImage = { id: string; fileName: string; url: string };

/** Uploads a graph or screenshot; the server checks its bytes and stores it in the database. */
export function ImageUpload({
  coeId,
  images,
  onUploaded,
  onRemoved,
}: {
  coeId: string;
  images: UploadedImage[];
  onUploaded: (image: UploadedImage) => void;
  onRemoved: (image: UploadedImage) => void;
}) {
  const id = useId();
  const { upload, remove, pending, error } = useFileUpload<UploadedImage>(
    `/coes/${coeId}/attachments`,
    { failed: "The image could not be uploaded. Try again.", unreachable: "Andon could not be reached; the image was not uploaded." },
    (json) => onUploaded({ id: json.id, fileName: json.fileName, url: json.url }),
  );

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
        Upload an image (PNG, JPEG or WebP, up to 5 MB)
      </label>
      <FilePicker id={id} accept="image/png,image/jpeg,image/webp" disabled={pending} className="block text-sm" onFile={(file) => void upload(file)} />
      <p className="text-xs text-slate-600">
        {pending
          ? "Uploading…"
          : "Stored in Andon's PostgreSQL database with this COE (so every server and every backup has it), and added to your answer above as Markdown, where it shows inline."}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {images.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Uploaded images">
          {images.map((image) => (
            <li key={image.id} className="w-32 text-xs">
              {/* Plain <img>: the image route checks access per request; next/image's optimiser would cache it for everyone. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={image.url} alt={image.fileName} className="h-20 w-32 rounded object-cover ring-1 ring-slate-200" />
              <span className="block truncate">{image.fileName}</span>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove image ${image.fileName}`}
                onClick={() =>
                  void remove(
                    () => deleteAttachmentAction({ coeId, attachmentId: image.id }),
                    () => onRemoved(image),
                  )
                }
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
