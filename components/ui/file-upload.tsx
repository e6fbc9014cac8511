"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/action";
import { runAction } from "@/components/ui/run-action";

/** The sentences an upload shows when the server refuses without one, and when it cannot be reached. */
export type UploadMessages = { failed: string; unreachable: string };

/**
 * Posts one file as multipart form data (field `file`) to a session route that stores it, and
 * removes one through a server action: the pending flag and the one error line both share.
 */
export function useFileUpload<T>(url: string, messages: UploadMessages, onUploaded: (stored: T) => void) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function upload(file: File) {
    setPending(true);
    setError(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(url, { method: "POST", body });
      const json = (await response.json().catch(() => null)) as (T & { detail?: string }) | null;
      if (!response.ok || !json) setError(json?.detail ?? messages.failed);
      else onUploaded(json);
    } catch {
      setError(messages.unreachable);
    }
    setPending(false);
  }

  async function remove(call: () => Promise<ActionResult<unknown>>, onRemoved: () => void) {
    const result = await runAction(call);
    if (!result.ok) setError(result.error);
    else onRemoved();
  }

  return { upload, remove, pending, error };
}

/** A file input that hands over the chosen file and clears itself, so the same file can be chosen again. */
export function FilePicker({
  id,
  accept,
  disabled,
  className,
  onFile,
}: {
  id: string;
  accept: string;
  disabled: boolean;
  className: string;
  onFile: (file: File) => void;
}) {
  return (
    <input
      id={id}
      type="file"
      accept={accept}
      disabled={disabled}
      className={className}
      onChange={(event) => {
        const file = event.target.files?.[0];
        if (file) onFile(file);
        event.target.value = "";
      }}
    />
  );
}
