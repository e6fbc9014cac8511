import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ChartIcon } from "@/components/shell/icons";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Metrics" };

export default async function MetricsPage() {
  await requirePageUser();
  return (
    <>
      <PageHeader title="Metrics" description="MTTR and the incident metrics from COEs, and the key metrics of each service." />
      <EmptyState title="No incident data yet" icon={<ChartIcon />}>
        Once COEs record when incidents started, were detected, mitigated and resolved, this page shows time to detect and MTTR as
        distributions by severity and team, rolled up the org tree, next to each service&apos;s key metrics and their targets.
      </EmptyState>
    </>
  );
}
