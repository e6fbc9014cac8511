"use client";

import { useId, useState } from "react";
import { runAction } from "@/components/ui/run-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
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
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function upload(file: File) {
    setPending(true);
    setError(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`/coes/${coeId}/attachments`, { method: "POST", body });
      const json = (await response.json().catch(() => null)) as (UploadedImage & { detail?: string }) | null;
      if (!response.ok || !json) setError(json?.detail ?? "The image could not be uploaded. Try again.");
      else onUploaded({ id: json.id, fileName: json.fileName, url: json.url });
    } catch {
      setError("Andon could not be reached; the image was not uploaded.");
    }
    setPending(false);
  }

  async function remove(image: UploadedImage) {
    const result = await runAction(() => deleteAttachmentAction({ coeId, attachmentId: image.id }));
    if (!result.ok) setError(result.error);
    else onRemoved(image);
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
        Upload an image (PNG, JPEG or WebP, up to 5 MB)
      </label>
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        disabled={pending}
        className="block text-sm"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
          e.target.value = "";
        }}
      />
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
              <Button size="sm" variant="ghost" aria-label={`Remove image ${image.fileName}`} onClick={() => void remove(image)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
