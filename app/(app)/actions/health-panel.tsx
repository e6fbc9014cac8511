import type { FollowUpHealth } from "@/lib/actions/follow-up";

function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** Follow-up health of a team and its sub-teams: is the backlog growing or shrinking? */
export function HealthPanel({ health, scope }: { health: FollowUpHealth; scope: string }) {
  const figures = [
    { label: "Open", value: String(health.open), hint: "open or in progress" },
    { label: "Overdue", value: String(health.overdue), hint: "past the due date", alert: health.overdue > 0 },
    { label: "Median age", value: health.medianAgeDays === null ? "—" : `${Math.round(health.medianAgeDays)} d`, hint: "of open actions" },
    { label: "Close rate 30 d", value: percent(health.closeRate30), hint: "finished ÷ open at any time in the window" },
    { label: "Close rate 90 d", value: percent(health.closeRate90), hint: "finished ÷ open at any time in the window" },
  ];
  return (
    <section aria-label={`Follow-up health of ${scope}`} className="mb-6">
      <h2 className="sr-only">Follow-up health of {scope}</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{figure.label}</dt>
            <dd
              className={`mt-1 text-2xl font-semibold ${figure.alert ? "text-red-700" : "text-slate-900"}`}
              data-testid={`health-${figure.label.toLowerCase().replace(/\W+/g, "-")}`}
            >
              {figure.value}
            </dd>
            <dd className="text-xs text-slate-500">{figure.hint}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
