import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "./login-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { env, oidcEnabled } from "@/lib/env";
import { needsSetup } from "@/lib/setup/mutations";

export const metadata: Metadata = { title: "Sign in" };

const SSO_ERRORS: Record<string, string> = {
  NotInvited: "Your single sign-on account is not part of this organization yet. Ask an admin to add your email address.",
  EmailNotVerified:
    "Your single sign-on provider has not verified your email address, so Andon cannot tell it is yours. Verify it with your provider, then try again.",
  AccessDenied: "Your single sign-on account is not part of this organization yet. Ask an admin to add your email address.",
  OAuthSignin: "Single sign-on could not start. Try again, or sign in with your password.",
  OAuthCallback: "Single sign-on did not complete. Try again, or sign in with your password.",
  SessionRequired: "Sign in to continue.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  // Only same-site paths, so the sign-in page cannot be used to bounce people elsewhere.
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getCurrentUser()) redirect(callbackUrl);
  if (await needsSetup()) redirect("/setup");
  const sso = oidcEnabled() ? { name: env().OIDC_DISPLAY_NAME ?? "single sign-on" } : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <span aria-hidden className="mx-auto flex size-10 items-center justify-center rounded-lg bg-brand-400 text-lg font-bold text-slate-900">
            A
          </span>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">Sign in to Andon</h1>
          <p className="mt-1 text-sm text-slate-600">Learn from every incident. Close every action.</p>
        </div>
        <LoginForm callbackUrl={callbackUrl} sso={sso} initialError={params.error ? (SSO_ERRORS[params.error] ?? null) : null} />
      </div>
    </main>
  );
}
