"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { runAction } from "@/components/ui/run-action";
import { createTicketAction, createTicketsForCoeAction, retryTicketSyncAction } from "@/lib/integrations/actions";

/** "Create ticket" or "Retry" on an action. A failed sync is shown by the section after the refresh. */
export function TicketButtons({ actionId, mode }: { actionId: string; mode: "create" | "retry" }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function run() {
    startTransition(async () => {
      const result = await runAction(() => (mode === "create" ? createTicketAction({ actionId }) : retryTicketSyncAction({ actionId })));
      setError(result.ok ? null : result.error);
      router.refresh();
    });
  }
  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button variant="secondary" size="sm" onClick={run} pending={pending}>
        {mode === "create" ? (pending ? "Creating…" : "Create ticket") : pending ? "Retrying…" : "Retry now"}
      </Button>
    </div>
  );
}

/** "Create tickets for all actions" on a COE: the job creates them within seconds. */
export function CoeTicketsButton({ coeId }: { coeId: string }) {
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  function run() {
    startTransition(async () => {
      const result = await runAction(() => createTicketsForCoeAction({ coeId }));
      if (!result.ok) setNotice({ tone: "error", text: result.error });
      else {
        const { created, withoutIntegration } = result.data;
        const parts = [
          created === 0 ? "Every open action already has a ticket." : `${created} ticket${created === 1 ? "" : "s"} on the way; each action shows its own.`,
          withoutIntegration > 0 ? `${withoutIntegration} action${withoutIntegration === 1 ? "'s team has" : "s' teams have"} no ticket system.` : "",
        ];
        setNotice({ tone: "info", text: parts.filter(Boolean).join(" ") });
      }
      router.refresh();
    });
  }
  return (
    <div className="space-y-2">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Button variant="secondary" size="sm" onClick={run} pending={pending}>
        {pending ? "Creating tickets…" : "Create tickets for all actions"}
      </Button>
    </div>
  );
}
