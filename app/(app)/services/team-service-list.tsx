import Link from "next/link";
import { LineStoppedBadge } from "@/components/cords/line-stopped-badge";

export type TeamService = { id: string; name: string; description: string | null };
export type SubTeam = { id: string; name: string; serviceNames: string[] };

/** The services a team runs itself, with their descriptions. */
export function TeamServiceList({ services, stopped }: { services: TeamService[]; stopped?: ReadonlySet<string> }) {
  return (
    <ul className="mt-2 divide-y divide-slate-100">
      {services.map(({ id, name, description }) => (
        <li key={id} className="py-2">
          <Link href={`/services/${id}`} className="font-mono text-sm text-slate-900 underline decoration-slate-300 underline-offset-2 hover:text-indigo-700">
            {name}
          </Link>
          {stopped?.has(id) ? <LineStoppedBadge serviceId={id} className="ml-2" /> : null}
          {description ? <p className="truncate text-xs text-slate-600">{description}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The services of a team's subtree, one line per sub-team: a top-level team's subtree runs hundreds,
 * so the names are one line of text (collapsed past two lines) and the sub-team links to its COEs.
 */
export function SubTeamServices({ subTeams }: { subTeams: SubTeam[] }) {
  return (
    <ul className="mt-2 divide-y divide-slate-100">
      {subTeams.map(({ id, name, serviceNames }) => (
        <li key={id} className="py-2">
          <p className="flex items-baseline justify-between gap-3 text-sm">
            <Link
              href={`/coes?teamId=${encodeURIComponent(id)}`}
              className="font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:text-indigo-700"
            >
              {name}
            </Link>
            <span className="shrink-0 text-xs text-slate-600">
              {serviceNames.length} service{serviceNames.length === 1 ? "" : "s"}
            </span>
          </p>
          <p className="line-clamp-2 font-mono text-xs text-slate-600" title={serviceNames.join(", ")}>
            {serviceNames.join(", ")}
          </p>
        </li>
      ))}
    </ul>
  );
}
