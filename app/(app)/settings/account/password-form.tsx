"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { changePasswordAction } from "@/lib/users/actions";

export function PasswordForm({ email }: { email: string }) {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [revokeTokens, setRevokeTokens] = useState(true);
  const { fieldErrors, error, success, pending, submit } = useActionForm();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit({
      input: { currentPassword, newPassword, confirmPassword, revokeTokens },
      action: changePasswordAction,
      onSuccess: async () => {
        // The server ended every session (session version bump); sign this browser back in.
        const signedIn = await signIn("credentials", { email, password: newPassword, redirect: false }).catch(() => null);
        setCurrentPassword("");
        setNewPassword("");
        setConfirmPassword("");
        if (signedIn?.ok && !signedIn.error) return { success: "Your password was changed. Other browsers and devices have been signed out." };
        // Without a session a refresh would bounce to the login page and lose this message.
        return {
          error: (
            <>
              Your password was changed, but signing you back in did not work.{" "}
              <Link href="/login?callbackUrl=/settings/account" className="font-medium underline">
                Sign in with your new password
              </Link>
              .
            </>
          ),
        };
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      <FormAlerts error={error} success={success} />
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
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="revokeTokens" checked={revokeTokens} onChange={(event) => setRevokeTokens(event.target.checked)} />
        Also revoke my API tokens
      </label>
      <Button type="submit" pending={pending}>
        {pending ? "Changing password…" : "Change password"}
      </Button>
    </form>
  );
}
