"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";

const POLL_MS = 3_000;

type Probe = "checking" | "database-down" | "other";

/**
 * Wraps an error page: when the error came from the database being down or restarting (asked of
 * /api/health/ready, which never needs the database to answer), it shows "database unavailable,
 * retrying" instead, checks again every few seconds, and reloads the page once the database is back.
 * Any other error keeps the generic page (`children`).
 */
export function DatabaseUnavailableBoundary({ reset, children }: { reset: () => void; children: ReactNode }) {
  const router = useRouter();
  const [probe, setProbe] = useState<Probe>("checking");

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sawOutage = false;
    const check = async () => {
      const state = await databaseState();
      if (stopped) return;
      if (state === "down") {
        sawOutage = true;
        setProbe("database-down");
        timer = setTimeout(check, POLL_MS);
      } else if (sawOutage && state === "up") {
        router.refresh();
        reset();
      } else {
        setProbe("other");
      }
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [reset, router]);

  if (probe !== "database-down") return <>{children}</>;
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center" role="status" aria-live="polite">
        <h1 className="text-2xl font-semibold text-slate-900">The database is unavailable</h1>
        <p className="mt-2 text-sm text-slate-600">
          Andon cannot reach its database right now, usually because it is restarting. Nothing you saved is lost. This page retries every few seconds and
          reloads itself when the database is back.
        </p>
        <p className="mt-4 text-sm font-medium text-slate-700">Retrying…</p>
      </div>
    </main>
  );
}

async function databaseState(): Promise<"up" | "down" | "unknown"> {
  try {
    const response = await fetch("/api/health/ready", { cache: "no-store" });
    const body = (await response.json()) as { database?: string };
    if (body.database === "unreachable" || body.database === "timeout") return "down";
    return body.database === "ok" ? "up" : "unknown";
  } catch {
    // The server itself is unreachable (restarting behind a load balancer): same advice.
    return "down";
  }
}
