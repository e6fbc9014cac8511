"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { runAction, type FieldErrors } from "../form-feedback";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { changePasswordAction } from "@/lib/users/actions";

type Outcome = { tone: "success" | "error"; message: React.ReactNode } | null;

export function PasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    startTransition(async () => {
      const result = await runAction(() => changePasswordAction({ currentPassword, newPassword, confirmPassword }));
      if (!result.ok) {
        setFieldErrors(result.fieldErrors);
        setOutcome({ tone: "error", message: result.error });
        return;
      }
      setFieldErrors({});
      // The server ended every session (session version bump); sign this browser back in.
      const signedIn = await signIn("credentials", { email, password: newPassword, redirect: false }).catch(() => null);
      setCurrentPassword("");
      setNewPassword("");
      setConfirmPassword("");
      if (signedIn?.ok && !signedIn.error) {
        setOutcome({ tone: "success", message: "Your password was changed. Other browsers and devices have been signed out." });
        router.refresh();
      } else {
        setOutcome({
          tone: "error",
          message: (
            <>
              Your password was changed, but signing you back in did not work.{" "}
              <Link href="/login?callbackUrl=/settings/account" className="font-medium underline">
                Sign in with your new password
              </Link>
              .
            </>
          ),
        });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      {outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}
      {/* Lets password managers tie the new password to the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField label="Current password" errors={fieldErrors.currentPassword}>
        <input
          className={inputClasses}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
      </FormField>
      <FormField label="New password" hint="At least 10 characters. A passphrase of several words is easy to remember." errors={fieldErrors.newPassword}>
        <input
          className={inputClasses}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          minLength={10}
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
        />
      </FormField>
      <FormField label="Confirm new password" errors={fieldErrors.confirmPassword}>
        <input
          className={inputClasses}
          type="password"
          name="confirmPassword"
          autoComplete="new-password"
          required
          value={confirmPassword}
          onChange={(event) => setConfirmPassword(event.target.value)}
        />
      </FormField>
      <Button type="submit" pending={pending}>
        {pending ? "Changing password…" : "Change password"}
      </Button>
    </form>
  );
}
