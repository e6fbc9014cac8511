import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import type { ServicePageService } from "@/lib/services/queries";

export function ServiceHeader({ service }: { service: ServicePageService }) {
  return (
    <>
      <PageHeader
        title={service.name}
        description={service.description || undefined}
        actions={
          <Link href={`/metrics/services/${service.id}`} className="text-sm font-medium text-indigo-700 hover:underline">
            Key metrics
          </Link>
        }
      />
      <p className="-mt-4 mb-6 text-sm text-slate-700">
        Owned by{" "}
        <Link href={`/metrics?team=${service.team.id}`} className="font-medium text-indigo-700 hover:underline">
          {service.team.name}
        </Link>
      </p>
    </>
  );
}
