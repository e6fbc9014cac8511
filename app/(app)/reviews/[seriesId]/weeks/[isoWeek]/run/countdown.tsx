"use client";

import { useEffect, useState } from "react";

/**
 * Ticks once a second; the clock every timer in the meeting view reads. Null until the page is
 * hydrated, so the server's render and the browser's first render agree.
 */
export function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return now;
}

function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** Time left until `endsAt`; past it, the overrun in red with a plus sign. */
export function Countdown({
  endsAt,
  now,
  label,
  testId,
  size = "lg",
}: {
  endsAt: number;
  now: number | null;
  label: string;
  testId: string;
  size?: "lg" | "md";
}) {
  const left = now === null ? 0 : endsAt - now;
  const over = left < 0;
  return (
    <div className="text-right">
      <p className="text-xs font-medium tracking-wide text-slate-300 uppercase">{label}</p>
      <p
        data-testid={testId}
        aria-live="off"
        className={`font-mono font-semibold tabular-nums ${size === "lg" ? "text-5xl" : "text-3xl"} ${over ? "text-red-400" : left < 120_000 ? "text-amber-300" : "text-white"}`}
      >
        {now === null ? "--:--" : `${over ? "+" : ""}${formatClock(left)}`}
      </p>
    </div>
  );
}
