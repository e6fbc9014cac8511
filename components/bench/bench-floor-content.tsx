import "server-only";
import { notFound } from "next/navigation";
import { readSessionToken } from "@/lib/auth/session-token";
import { benchFloorRows } from "@/lib/bench-floor";
import { env } from "@/lib/env";

/**
 * The benchmark's signed-in floor content (only with ANDON_BENCH_FLOORS=on): reads the session
 * cookie and renders 20 rows from one indexed statement. Served bare (/bench-floor) and inside the
 * app's frame (/bench-frame), so the difference between the two is what the frame costs.
 */
export async function BenchFloorContent() {
  if (env().ANDON_BENCH_FLOORS !== "on") notFound();
  const token = await readSessionToken();
  if (!token?.sub) notFound();
  const rows = await benchFloorRows(token.sub);
  return (
    <div className="p-6">
      <h1 className="text-lg font-semibold">Services</h1>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>{row.name}</li>
        ))}
      </ul>
    </div>
  );
}
