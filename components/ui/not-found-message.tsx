import Link from "next/link";

/** What a missing page says: the body of app/not-found.tsx (its own page) and app/(app)/not-found.tsx (inside the frame). */
export function NotFoundMessage() {
  return (
    <div className="max-w-md text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">This page does not exist</h1>
      <p className="mt-2 text-sm text-slate-600">
        The link may be old, or the record was moved or deleted. If someone sent it to you, it may belong to a team you cannot see.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
        Back to Andon home
      </Link>
    </div>
  );
}
