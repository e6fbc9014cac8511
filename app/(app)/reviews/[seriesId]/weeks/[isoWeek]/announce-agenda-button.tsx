"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { runAction } from "@/components/ui/run-action";
import { announceAgendaAction } from "@/lib/reviews/actions";

/** Organizers tell the team (and last week's attendees) that the agenda is ready: one notification each, once per week. */
export function AnnounceAgendaButton({ seriesId, isoWeek, version }: { seriesId: string; isoWeek: string; version: number }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      {message ? (
        <span role="status" className="text-sm text-slate-700">
          {message}
        </span>
      ) : null}
      <Button
        variant="secondary"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await runAction(() => announceAgendaAction({ seriesId, isoWeek, version }));
            setMessage(
              result.ok
                ? result.data.notified > 0
                  ? `Notified ${result.data.notified} ${result.data.notified === 1 ? "person" : "people"}.`
                  : "Everyone was already told."
                : result.error,
            );
          })
        }
      >
        Announce agenda
      </Button>
    </span>
  );
}
