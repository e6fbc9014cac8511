import { notFound } from "next/navigation";
import { readSessionToken } from "@/lib/auth/session-token";
import { benchFloorRows } from "@/lib/bench-floor";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * The benchmark's floor for a signed-in page (only with ANDON_BENCH_FLOORS=on): reads the session
 * cookie and renders 20 rows from one indexed statement, outside the app's frame. Every signed-in
 * page costs at least this on the same machine.
 */
export default async function BenchFloorPage() {
  if (env().ANDON_BENCH_FLOORS !== "on") notFound();
  const token = await readSessionToken();
  if (!token?.sub) notFound();
  const rows = await benchFloorRows(token.sub);
  return (
    <main className="p-6">
      <h1 className="text-lg font-semibold">Services</h1>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>{row.name}</li>
        ))}
      </ul>
    </main>
  );
}
