import Link from "next/link";
import { PullCordEntry } from "@/components/shell/pull-cord-entry";
import { getCurrentUser } from "@/lib/auth/session";
import { openCordsForBanner } from "@/lib/cords/queries";

/**
 * The top of every signed-in page: "line stopped" for the open cords of the caller's teams (member
 * or above, roles spread down the tree) and the "Pull the cord" entry. One indexed query per page.
 */
export async function CordBanner() {
  const user = await getCurrentUser();
  if (!user) return null;
  const { rows, total } = await openCordsForBanner(user);
  return (
    <div className="no-print mb-6 flex flex-wrap items-start justify-between gap-3">
      {rows.length > 0 ? (
        <div role="status" aria-label="Line stopped" className="min-w-0 flex-1 rounded-md bg-red-700 px-4 py-2 text-sm text-white">
          <p className="font-semibold">Line stopped</p>
          <ul className="mt-0.5 space-y-0.5">
            {rows.map((cord) => (
              <li key={cord.id} className="truncate">
                <Link href={`/cords/${cord.id}`} className="underline underline-offset-2 hover:no-underline">
                  {cord.service.name}
                </Link>
                : {cord.problem}
              </li>
            ))}
          </ul>
          {total > rows.length ? (
            <Link href="/cords?status=open" className="mt-0.5 inline-block underline underline-offset-2">
              More stopped lines
            </Link>
          ) : null}
        </div>
      ) : (
        <span />
      )}
      <PullCordEntry />
    </div>
  );
}
