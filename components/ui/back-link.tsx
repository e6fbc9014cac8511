import Link from "next/link";

/** The "← All …" link above a detail page's header, back to its list. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="font-medium text-indigo-700 no-underline hover:underline">
        {`← ${label}`}
      </Link>
    </p>
  );
}
