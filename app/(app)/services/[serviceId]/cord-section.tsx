import Link from "next/link";
import { CordTimeline } from "@/components/cords/cord-timeline";
import { LocalTime } from "@/components/cords/local-time";
import { PullCordForm } from "@/components/cords/pull-cord-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { CurrentUser } from "@/lib/auth/principal";
import { CORD_SEVERITY_LABELS } from "@/lib/cords/labels";
import { openCordForService, recentCordsForService } from "@/lib/cords/queries";
import { upcomingWindowsForService } from "@/lib/freeze-windows/queries";
import type { ServicePageService } from "@/lib/services/queries";

/** Whether the service's line runs, the open cord's latest timeline, the pull form, past cords. */
export async function CordSection({ user, service }: { user: CurrentUser; service: ServicePageService }) {
  const [open, recent, windows] = await Promise.all([
    openCordForService(user, service.id),
    recentCordsForService(user, service.id),
    upcomingWindowsForService(user, service),
  ]);
  const past = recent.filter((cord) => cord.status === "resolved");
  return (
    <Card className={open ? "ring-2 ring-red-300" : undefined}>
      <CardHeader
        title="Andon cord"
        description={open ? undefined : "Anyone can stop the line on a defect: deploys to this service are then blocked until its team resolves it."}
        actions={open ? <Badge tone="red">Line stopped</Badge> : <Badge tone="green">Line running</Badge>}
      />
      <CardBody className="space-y-5">
        {open ? (
          <div className="space-y-3 rounded-md bg-red-50 px-4 py-3 ring-1 ring-inset ring-red-200">
            <p className="text-sm text-red-900">
              <span className="font-semibold">{open.pulledBy?.name ?? "Someone"}</span> stopped the line <LocalTime value={open.pulledAt} />
              {open._count.events > 0 ? ` · ${open._count.events} +1` : ""} · {CORD_SEVERITY_LABELS[open.severity]}
            </p>
            <p className="whitespace-pre-line break-words text-sm text-slate-900">{open.problem}</p>
            {open.customerImpact ? <p className="text-sm text-slate-800">Customer impact: {open.customerImpact}</p> : null}
            <CordTimeline entries={open.events} />
            <Link href={`/cords/${open.id}`} className="inline-block text-sm font-medium text-red-800 underline">
              Open the cord: whole timeline, notes, resolve
            </Link>
          </div>
        ) : null}
        <details className="group">
          <summary className="cursor-pointer text-sm font-medium text-indigo-700">{open ? "Seeing it too? Add your +1" : "Pull the cord"}</summary>
          <div className="mt-3 max-w-xl">
            <PullCordForm serviceId={service.id} serviceName={service.name} stopped={open !== null} />
          </div>
        </details>
        {windows.length > 0 ? (
          <div>
            <h3 className="flex items-baseline justify-between gap-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
              Freeze windows
              <Link
                href={`/freeze-windows?team=${encodeURIComponent(service.teamId)}`}
                className="text-xs font-medium normal-case tracking-normal text-indigo-700 hover:underline"
              >
                All and schedule
              </Link>
            </h3>
            <ul className="mt-2 divide-y divide-slate-100">
              {windows.map((window) => (
                <li key={window.id} className="py-2 text-sm">
                  <p className="font-medium text-slate-900">{window.reason}</p>
                  <p className="text-xs text-slate-600">
                    Next: <LocalTime value={window.nextOccurrences[0]!.startsAt} /> to <LocalTime value={window.nextOccurrences[0]!.endsAt} />
                    {window.rrule ? ` · repeats (${window.rrule}, ${window.timeZone})` : ""}
                  </p>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-xs text-slate-600">
            No freeze window reaches this service.{" "}
            <Link href={`/freeze-windows?team=${encodeURIComponent(service.teamId)}`} className="text-indigo-700 hover:underline">
              Freeze windows
            </Link>
          </p>
        )}
        {past.length > 0 ? (
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Earlier cords</h3>
            <ul className="mt-2 divide-y divide-slate-100">
              {past.map((cord) => (
                <li key={cord.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                  <Link href={cord.url} className="min-w-0 truncate text-slate-900 hover:text-indigo-700 hover:underline">
                    {cord.problem}
                  </Link>
                  <span className="shrink-0 text-xs text-slate-600">
                    <LocalTime value={cord.pulledAt} />
                    {cord.coeDue ? (
                      <Badge tone="amber" className="ml-2">
                        COE due
                      </Badge>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
