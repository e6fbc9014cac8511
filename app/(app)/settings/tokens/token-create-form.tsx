"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useActionForm } from "@/components/ui/use-action-form";
import { createTokenAction } from "@/lib/tokens/actions";
import { tokenCreateSchema, type TokenCreateInput } from "@/lib/tokens/schemas";

const EXPIRY_CHOICES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never (not recommended)" },
] as const;

function expiresInDays(choice: string): TokenCreateInput["expiresInDays"] {
  return choice === "30" ? 30 : choice === "365" ? 365 : choice === "never" ? null : 90;
}

export function TokenCreateForm() {
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("90");
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const { fieldErrors, error, pending, submit } = useActionForm();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: TokenCreateInput = { name, expiresInDays: expiresInDays(expiry) };
    submit({
      schema: tokenCreateSchema,
      input,
      action: createTokenAction,
      onSuccess: (token) => {
        setCreated({ name: token.name, secret: token.secret });
        setName("");
      },
    });
  }

  return (
    <div className="space-y-4">
      {created ? (
        <SecretReveal title={`Copy your new token “${created.name}” now`} label="API token" secret={created.secret} onDismiss={() => setCreated(null)}>
          <p>This is the only time Andon shows it. Store it in your secret manager or CI variables; if you lose it, revoke it and create another.</p>
          <p>
            Send it with each request to <code className="font-mono text-xs">/api/v1</code> as{" "}
            <code className="font-mono text-xs">Authorization: Bearer andon_…</code>.
          </p>
        </SecretReveal>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <FormAlerts error={error} />
        <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <FormField label="Name" hint="What will use it, e.g. “CI pipeline” or “metrics exporter”." errors={fieldErrors.name}>
            <input className={inputClasses} name="name" required maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />
          </FormField>
          <FormField label="Expires after" errors={fieldErrors.expiresInDays}>
            <select className={inputClasses} name="expiresInDays" value={expiry} onChange={(event) => setExpiry(event.target.value)}>
              {EXPIRY_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        <Button type="submit" pending={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}
