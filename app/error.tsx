"use client";

import Link from "next/link";
import { DatabaseUnavailableBoundary } from "@/components/ops/database-unavailable";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <DatabaseUnavailableBoundary reset={reset}>
      <main className="flex min-h-[60vh] items-center justify-center px-4">
        <div className="max-w-md text-center">
          <h1 className="text-2xl font-semibold text-slate-900">Something went wrong on our side</h1>
          <p className="mt-2 text-sm text-slate-600">
            The error has been logged. Try again; if it keeps happening, send your admin this reference:{" "}
            <code className="rounded bg-slate-100 px-1">{error.digest ?? "no reference"}</code>.
          </p>
          <div className="mt-6 flex justify-center gap-4 text-sm font-medium">
            <button type="button" onClick={reset} className="text-indigo-700 hover:underline">
              Try again
            </button>
            <Link href="/" className="text-indigo-700 hover:underline">
              Andon home
            </Link>
          </div>
        </div>
      </main>
    </DatabaseUnavailableBoundary>
  );
}
