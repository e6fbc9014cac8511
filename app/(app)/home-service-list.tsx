"use client";

/** [id, name, description, owning team's name]: one service on the home page. */
export type HomeService = [id: string, name: string, description: string | null, teamName: string];

/**
 * The services of one of the user's teams. A client component only so that a large subtree's
 * services (hundreds for a top-level team) reach the browser once, as data, instead of as a tree
 * of server-rendered elements.
 */
export function HomeServiceList({ services }: { services: HomeService[] }) {
  return (
    <ul className="mt-2 divide-y divide-slate-100">
      {services.map(([id, name, description, teamName]) => (
        <li key={id} className="flex items-baseline justify-between gap-3 py-2">
          <div className="min-w-0">
            <p className="font-mono text-sm text-slate-900">{name}</p>
            {description ? <p className="truncate text-xs text-slate-600">{description}</p> : null}
          </div>
          <span className="shrink-0 text-xs text-slate-500">{teamName}</span>
        </li>
      ))}
    </ul>
  );
}
