"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import type { FieldErrors } from "@/lib/errors";
import { setupAction } from "@/lib/setup/actions";
import type { SetupInput } from "@/lib/setup/schemas";

const EMPTY: SetupInput = { organizationName: "", name: "", email: "", password: "", confirmPassword: "" };

export function SetupForm() {
  const router = useRouter();
  const [values, setValues] = useState<SetupInput>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const field = (key: keyof SetupInput) => ({
    className: inputClasses,
    value: values[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues((current) => ({ ...current, [key]: event.target.value })),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await setupAction(values);
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors);
        return;
      }
      await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      router.replace("/settings/teams");
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <FormField label="Organization name" errors={fieldErrors.organizationName}>
        <input {...field("organizationName")} autoComplete="organization" />
      </FormField>
      <FormField label="Your name" errors={fieldErrors.name}>
        <input {...field("name")} autoComplete="name" />
      </FormField>
      <FormField label="Email" errors={fieldErrors.email}>
        <input {...field("email")} type="email" autoComplete="username" />
      </FormField>
      <FormField label="Password" hint="At least 10 characters." errors={fieldErrors.password}>
        <input {...field("password")} type="password" autoComplete="new-password" />
      </FormField>
      <FormField label="Confirm password" errors={fieldErrors.confirmPassword}>
        <input {...field("confirmPassword")} type="password" autoComplete="new-password" />
      </FormField>
      <Button type="submit" className="w-full" pending={pending}>
        Create organization
      </Button>
    </form>
  );
}
