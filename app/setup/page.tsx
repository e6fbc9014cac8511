import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "./setup-form";
import { needsSetup } from "@/lib/setup/mutations";

export const metadata: Metadata = { title: "Set up Andon" };

export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/login");
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <span aria-hidden className="mx-auto flex size-10 items-center justify-center rounded-lg bg-brand-400 text-lg font-bold text-slate-900">
            A
          </span>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">Set up Andon</h1>
          <p className="mt-1 text-sm text-slate-600">Name your organization and create the first admin account. You can add teams and people next.</p>
        </div>
        <SetupForm />
      </div>
    </main>
  );
}
