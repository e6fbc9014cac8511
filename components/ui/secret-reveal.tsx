"use client";

import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/form-field";
import { cn } from "@/components/ui/cn";

/**
 * A secret shown once (API token, temporary password): a read-only copyable box under a warning.
 * The caller drops it from state when the user dismisses it; the server keeps only a hash.
 */
export function SecretReveal({
  title,
  label,
  secret,
  children,
  onDismiss,
}: {
  title: string;
  label: string;
  secret: string;
  children?: React.ReactNode;
  onDismiss: () => void;
}) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): the text stays selected.
      setCopied("failed");
    }
  }

  return (
    <Alert tone="warning" title={title}>
      <div className="space-y-3">
        {children}
        <div>
          <label htmlFor={inputId} className="block text-xs font-semibold uppercase tracking-wide text-amber-900">
            {label}
          </label>
          <div className="mt-1 flex gap-2">
            <input
              ref={inputRef}
              id={inputId}
              readOnly
              value={secret}
              onFocus={(event) => event.currentTarget.select()}
              className={cn(inputClasses, "font-mono")}
              spellCheck={false}
              autoComplete="off"
            />
            <Button variant="secondary" onClick={() => void copy()}>
              Copy
            </Button>
          </div>
          <p className="mt-1 min-h-5 text-xs" aria-live="polite">
            {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Copying was blocked: the text is selected, press Ctrl+C / ⌘C." : ""}
          </p>
        </div>
        <Button variant="secondary" size="sm" onClick={onDismiss}>
          I have saved it
        </Button>
      </div>
    </Alert>
  );
}
