"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runAction } from "@/components/ui/run-action";
import { changeCorrectiveActionStatusInReviewAction } from "@/lib/reviews/actions";

/** Open ⇄ in progress from the meeting; finishing an action needs evidence, on the action's own page. */
export function ActionQuickStatus({ actionId, version, status, large = false }: { actionId: string; version: number; status: string; large?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (status !== "OPEN" && status !== "IN_PROGRESS") return null;
  const next = status === "OPEN" ? "IN_PROGRESS" : "OPEN";
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        className={`rounded-md bg-white px-2 py-1 font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-50 ${large ? "text-base" : "text-xs"}`}
        onClick={() =>
          startTransition(async () => {
            const result = await runAction(() => changeCorrectiveActionStatusInReviewAction({ actionId, version, status: next }));
            if (!result.ok) setError(result.error);
            else {
              setError(null);
              router.refresh();
            }
          })
        }
      >
        {status === "OPEN" ? "Mark in progress" : "Back to open"}
      </button>
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
