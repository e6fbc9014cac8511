"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

/**
 * "Rebuild from data": builds the agenda again from the data as it is now (COEs approved, actions
 * finished, metrics flagged since the page was opened). The organizer's edits are stored apart from
 * the built items and keyed by item, so they are applied again to the new build.
 */
export function RebuildAgendaButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [rebuiltAt, setRebuiltAt] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {rebuiltAt && !pending ? `Rebuilt from the data at ${rebuiltAt}; your edits are kept.` : null}
      </span>
      <Button
        size="sm"
        variant="secondary"
        pending={pending}
        onClick={() =>
          startTransition(() => {
            setRebuiltAt(new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
            router.refresh();
          })
        }
      >
        Rebuild from data
      </Button>
    </span>
  );
}
