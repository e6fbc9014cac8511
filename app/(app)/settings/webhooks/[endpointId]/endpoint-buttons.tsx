"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { confirmAction, runAction } from "@/components/ui/run-action";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { deleteWebhookEndpointAction, redeliverMessageAction, rotateWebhookSecretAction, sendTestEventAction } from "@/lib/webhooks/actions";

/** Send test event, rotate the secret (shown once), remove the endpoint. */
export function EndpointButtons({ endpointId, signed }: { endpointId: string; signed: boolean }) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function sendTest() {
    startTransition(async () => {
      const result = await runAction(() => sendTestEventAction({ endpointId }));
      setNotice(result.ok ? { tone: "info", text: "Test event sent: its attempt is in the delivery log below." } : { tone: "error", text: result.error });
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {secret ? (
        <SecretReveal title="Copy the new signing secret now" label="Signing secret" secret={secret} onDismiss={() => setSecret(null)}>
          <p>Messages are signed with both the old and the new secret for 24 hours, so you can update your receiver meanwhile.</p>
        </SecretReveal>
      ) : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button onClick={sendTest} pending={pending}>
          Send test event
        </Button>
        {signed ? (
          <ConfirmButton
            label="Rotate secret"
            variant="secondary"
            title="Rotate the signing secret?"
            description="A new secret is made and shown once; the old one keeps signing beside it for 24 hours."
            confirmLabel="Rotate"
            onConfirm={() =>
              confirmAction(
                () => rotateWebhookSecretAction({ endpointId }),
                (data) => setSecret(data.secret),
              )
            }
          />
        ) : null}
        <ConfirmButton
          label="Remove endpoint"
          title="Remove this endpoint?"
          description="It stops receiving events, and its delivery log is deleted."
          confirmLabel="Remove"
          onConfirm={() =>
            confirmAction(
              () => deleteWebhookEndpointAction({ endpointId }),
              () => router.push("/settings/webhooks"),
            )
          }
        />
      </div>
    </div>
  );
}

export function RedeliverButton({ messageId }: { messageId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await runAction(() => redeliverMessageAction({ messageId }));
            setError(result.ok ? null : result.error);
            setDone(result.ok);
            router.refresh();
          })
        }
      >
        Redeliver
      </Button>
      <span aria-live="polite" className={error ? "text-xs text-red-700" : "text-xs text-slate-700"}>
        {error ?? (done ? "Sent again" : "")}
      </span>
    </span>
  );
}
