import Link from "next/link";
import { LineStoppedBadge } from "@/components/cords/line-stopped-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { CordMetrics } from "@/lib/cords/metrics";
import { formatSeconds } from "@/lib/metrics/format";

const th = "px-3 py-2 text-xs font-semibold text-slate-600";
const td = "td-num";

/**
 * The Andon cord on the metrics page: how often the line was stopped in the subtree, for how long,
 * how many deploys the gate held back and how often someone broke the glass; per team (rolled up),
 * per service and per week.
 */
export function CordSection({ metrics, teamName, windowDays }: { metrics: CordMetrics; teamName: string; windowDays: number }) {
  const { figures } = metrics;
  const trendMax = Math.max(1, ...metrics.weeks.map((week) => week.cords));
  return (
    <Card>
      <CardHeader
        title="Andon cords"
        description={`Stops of the line in ${teamName} and below, pulled in the last ${windowDays} days. Time stopped counts the resolved ones.`}
        actions={
          <Link href="/cords" className="text-sm font-medium text-indigo-700 hover:underline">
            All cords
          </Link>
        }
      />
      {figures.cords === 0 ? (
        <CardBody>
          <p className="text-sm text-slate-600">No one pulled the cord in {teamName} in this window.</p>
        </CardBody>
      ) : (
        <>
          <CardBody>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
              <Figure label="Cords" value={String(figures.cords)} note={`${figures.customerFacing} customer-facing`} />
              <Figure label="Stopped · median" value={formatSeconds(figures.stopped.median)} note={`p90 ${formatSeconds(figures.stopped.p90)}`} />
              <Figure label="Still stopped" value={String(figures.stillStopped)} alert={figures.stillStopped > 0} />
              <Figure label="Deploys blocked" value={String(figures.blockedDeploys)} note="attempts the gate refused" />
              <Figure label="Overrides" value={String(figures.overrides)} note="break glass granted" />
              <Figure label="COE due" value={String(figures.coeDue)} alert={figures.coeDue > 0} />
            </dl>
            {metrics.truncated ? (
              <p className="mt-3 text-xs text-amber-800">Only the newest 5,000 cords are counted: choose a sub-team or a shorter window.</p>
            ) : null}
          </CardBody>
          <div className="overflow-x-auto border-t border-slate-200">
            <table className="min-w-full text-sm">
              <caption className="sr-only">Cords per team, rolled up the tree</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={`${th} text-left`}>
                    Team
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Cords
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Stopped · median
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Stopped · p90
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Deploys blocked
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Overrides
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    COE due
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {metrics.teams.map((team) => (
                  <tr key={team.id}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <span style={{ paddingLeft: `${team.depth * 1.25}rem` }}>
                        {team.depth > 0 ? (
                          <span aria-hidden className="mr-2 text-slate-400">
                            └
                          </span>
                        ) : null}
                        <Link href={`/metrics?team=${encodeURIComponent(team.id)}`} className="link font-medium">
                          {team.name}
                        </Link>
                      </span>
                    </th>
                    <td className={td}>{team.cords}</td>
                    <td className={td}>{formatSeconds(team.stopped.median)}</td>
                    <td className={td}>{formatSeconds(team.stopped.p90)}</td>
                    <td className={td}>{team.blockedDeploys}</td>
                    <td className={td}>{team.overrides}</td>
                    <td className={`${td} ${team.coeDue > 0 ? "font-semibold text-amber-800" : ""}`}>{team.coeDue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="grid gap-0 border-t border-slate-200 lg:grid-cols-2">
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className="px-3 pt-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">Services stopped most</caption>
                <thead>
                  <tr>
                    <th scope="col" className={`${th} text-left`}>
                      Service
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      Cords
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      Time stopped
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      Deploys blocked
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {metrics.services.map((service) => (
                    <tr key={service.id}>
                      <th scope="row" className="px-3 py-2 text-left font-normal">
                        <Link href={`/services/${service.id}`} className="font-mono text-indigo-700 hover:underline">
                          {service.name}
                        </Link>
                        {service.stillStopped ? <LineStoppedBadge serviceId={service.id} className="ml-2" /> : null}
                      </th>
                      <td className={td}>{service.cords}</td>
                      <td className={td}>{formatSeconds(service.stoppedSec)}</td>
                      <td className={td}>{service.blockedDeploys}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="border-t border-slate-200 px-3 pb-4 pt-3 lg:border-l lg:border-t-0">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Cords per week (latest 13)</h3>
              <ol className="mt-2 flex items-end gap-1 overflow-x-auto" aria-label="Cords per week" tabIndex={0}>
                {metrics.weeks.map((week) => (
                  <li
                    key={week.week}
                    className="flex min-w-9 flex-col items-center gap-1 text-xs text-slate-700"
                    title={`Week of ${week.monday}: ${week.cords} cord${week.cords === 1 ? "" : "s"}${week.stoppedMedianSec !== null ? `, median stopped ${formatSeconds(week.stoppedMedianSec)}` : ""}`}
                  >
                    <span>{week.cords}</span>
                    <span className="w-4 rounded bg-red-300" style={{ height: Math.max(2, Math.round((week.cords / trendMax) * 64)) }} />
                    <span className="sr-only">week of </span>
                    <span>{week.monday.slice(5)}</span>
                  </li>
                ))}
              </ol>
            </div>
          </div>
        </>
      )}
    </Card>
  );
}

function Figure({ label, value, note, alert = false }: { label: string; value: string; note?: string; alert?: boolean }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className={`text-xl font-semibold tabular-nums ${alert ? "text-red-700" : "text-slate-900"}`}>{value}</dd>
      {note ? <dd className="text-xs text-slate-600">{note}</dd> : null}
    </div>
  );
}
