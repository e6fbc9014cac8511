"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { confirmAction } from "@/components/ui/run-action";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useActionForm } from "@/components/ui/use-action-form";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/lib/actions/actions";
import { Alert } from "@/components/ui/alert";

export function CalendarFeedControls({ origin, hasFeed }: { origin: string; hasFeed: boolean }) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useActionForm();
  return (
    <div className="space-y-4">
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {secret ? (
        <SecretReveal title="Your calendar feed URL" label="Feed URL" secret={`${origin}/calendar/${secret}.ics`} onDismiss={() => setSecret(null)}>
          Copy it now: it is shown only once.
        </SecretReveal>
      ) : null}
      <div className="flex gap-2">
        <Button
          variant={hasFeed ? "secondary" : "primary"}
          pending={form.pending}
          onClick={() => form.submit({ input: {}, action: createCalendarFeedAction, onSuccess: (data) => setSecret(data.secret) })}
        >
          {hasFeed ? "Create a new URL" : "Create feed URL"}
        </Button>
        {hasFeed ? (
          <ConfirmButton
            label="Revoke"
            title="Revoke the calendar feed?"
            description="Calendars subscribed to it stop updating."
            confirmLabel="Revoke"
            onConfirm={() =>
              confirmAction(
                () => revokeCalendarFeedAction({}),
                () => router.refresh(),
              )
            }
          />
        ) : null}
      </div>
    </div>
  );
}
