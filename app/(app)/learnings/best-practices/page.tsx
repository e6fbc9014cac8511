import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listBestPractices } from "@/lib/learnings/queries";

export const metadata: Metadata = { title: "Best practices" };

export default async function BestPracticesPage() {
  const user = await requirePageUser();
  const practices = await listBestPractices(user);
  return (
    <>
      <BackLink href="/learnings" label="Learnings" />
      <PageHeader
        title="Best practices"
        description="Lessons promoted organization-wide by reviewers and managers, from COEs and weekly reviews. Each team adopts them or says why they do not apply."
      />
      {practices.length === 0 ? (
        <EmptyState title="No best practices yet">A reviewer promotes a confirmed lesson from its COE page, or a weekly review decides one.</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200">
            {practices.map((practice) => (
              <li key={practice.id} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-3">
                <Link href={`/learnings/best-practices/${practice.id}`} className="text-sm font-medium text-indigo-700 hover:underline">
                  {practice.title}
                </Link>
                <span className="text-xs text-slate-600">
                  adopted by {practice._count.adoptions} team{practice._count.adoptions === 1 ? "" : "s"} · promoted{" "}
                  <DateTime value={practice.createdAt} dateOnly />
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
