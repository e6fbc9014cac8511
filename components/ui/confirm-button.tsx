"use client";

import { useId, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Variant = "primary" | "secondary" | "danger" | "ghost";

/**
 * A button that asks first, in a native modal dialog (focus moves in, Escape cancels).
 * `onConfirm` returns an error sentence to show in the dialog, or null when done.
 */
export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel,
  variant = "danger",
  size = "sm",
  onConfirm,
}: {
  label: string;
  title: string;
  description?: React.ReactNode;
  confirmLabel: string;
  variant?: Variant;
  size?: "sm" | "md";
  onConfirm: () => Promise<string | null>;
}) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function open() {
    setError(null);
    dialogRef.current?.showModal();
  }

  function close() {
    dialogRef.current?.close();
  }

  function confirm() {
    startTransition(async () => {
      const message = await onConfirm();
      if (message) setError(message);
      else close();
    });
  }

  return (
    <>
      <Button variant={variant} size={size} onClick={open}>
        {label}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg bg-white p-0 text-left shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
        onCancel={(event) => {
          if (pending) event.preventDefault();
        }}
      >
        <div className="space-y-3 px-5 py-4">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <div className="text-sm text-slate-600">{description}</div> : null}
          {error ? <Alert tone="error">{error}</Alert> : null}
        </div>
        <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3">
          <Button variant="secondary" onClick={close} disabled={pending} autoFocus>
            Cancel
          </Button>
          <Button variant={variant === "danger" ? "danger" : "primary"} onClick={confirm} pending={pending}>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
