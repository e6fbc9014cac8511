import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/format-date";
import type { CurrentUser } from "@/lib/auth/principal";
import type { ServicePageService } from "@/lib/services/queries";
import { serviceVerifications } from "@/lib/verification/queries";
import { VerificationStatusBadge } from "../../verification/status-badge";

/** The service's verification card: each dimension's status and when it was last proven (readers of the owning team only). */
export async function VerificationSection({ user, service }: { user: CurrentUser; service: ServicePageService }) {
  const data = await serviceVerifications(user, service.id, 0);
  if (!data) return null;
  return (
    <Card>
      <CardHeader
        title="Verification"
        description="If you haven't verified it, it's probably broken."
        actions={
          <Link href={`/verification/services/${service.id}`} className="text-sm font-medium text-indigo-700 hover:underline">
            Evidence and history
          </Link>
        }
      />
      <ul className="divide-y divide-slate-100">
        {data.dimensions.map(({ dimension, current, status }) => (
          <li key={dimension.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
            <span className="font-medium text-slate-900">{dimension.name}</span>
            <span className="flex items-center gap-2 text-slate-700">
              {current?.verifiedAt ? (
                <span>
                  <DateTime value={current.verifiedAt} dateOnly />
                </span>
              ) : null}
              <VerificationStatusBadge status={status} />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
