import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CheckIcon } from "@/components/shell/icons";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Actions" };

export default async function ActionsPage() {
  await requirePageUser();
  return (
    <>
      <PageHeader title="Corrective actions" description="Every action from every COE, followed up until it is done and verified." />
      <EmptyState title="No corrective actions yet" icon={<CheckIcon />}>
        Actions are created in a COE&apos;s sixth question — “What corrective actions are you taking?” — each with an owner, a type and a
        due date. They will be listed here: yours first, then your team&apos;s, with overdue ones escalated up the org tree.
      </EmptyState>
    </>
  );
}
