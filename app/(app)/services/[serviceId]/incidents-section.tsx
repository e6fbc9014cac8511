import Link from "next/link";
import { ActionStatusBadge, PriorityBadge } from "@/components/actions/action-badges";
import { SeverityBadge, StatusBadge } from "@/components/coes/coe-badges";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import type { CurrentUser } from "@/lib/auth/principal";
import { serviceOpenActions, serviceRecentCoes, type ServicePageService } from "@/lib/services/queries";

/** The service's recent COEs and the corrective actions still open from them. */
export async function ServiceIncidentsSection({ user, service }: { user: CurrentUser; service: ServicePageService }) {
  const [coes, actions] = await Promise.all([serviceRecentCoes(user, service.id), serviceOpenActions(user, service.id)]);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader
          title="Recent COEs"
          actions={
            <Link href={`/coes?serviceId=${service.id}`} className="text-sm font-medium text-indigo-700 hover:underline">
              All COEs of {service.name}
            </Link>
          }
        />
        {coes.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-600">No COEs you can see mention this service.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {coes.map((coe) => (
              <li key={coe.id} className="px-5 py-3">
                <Link href={`/coes/${coe.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                  {coe.title}
                </Link>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <SeverityBadge severity={coe.severity} />
                  <StatusBadge status={coe.status} />
                  <DateTime value={coe.startedAt ?? coe.createdAt} dateOnly />
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardHeader title="Open corrective actions" description="From COEs about this service, soonest due first." />
        {actions.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-600">No open corrective actions you can see.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {actions.map((action) => (
              <li key={action.id} className="px-5 py-3">
                <Link href={`/actions/${action.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                  {action.title}
                </Link>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <ActionStatusBadge status={action.status as "OPEN" | "IN_PROGRESS"} />
                  <PriorityBadge priority={action.priority} />
                  <span>{action.owner ? action.owner.name : "No owner"}</span>
                  {action.dueDate ? (
                    <span>
                      due <DateTime value={action.dueDate} dateOnly />
                    </span>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
