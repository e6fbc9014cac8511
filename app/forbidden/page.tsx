import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-red-700">403</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">You do not have access to this page</h1>
        <p className="mt-2 text-sm text-slate-600">
          It is for organization admins or for another team&apos;s members. If you need it, ask an admin of your organization to change your role.
        </p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
          Back to Andon home
        </Link>
      </div>
    </main>
  );
}
