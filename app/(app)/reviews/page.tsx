import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CalendarIcon } from "@/components/shell/icons";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage() {
  await requirePageUser();
  return (
    <>
      <PageHeader title="Weekly operational reviews" description="One meeting per org unit per week, with an agenda built from what happened." />
      <EmptyState title="No review series yet" icon={<CalendarIcon />}>
        A manager sets up a weekly review for their team. Andon then builds each week&apos;s agenda in fifteen-minute slots — successes
        and failings, overdue actions, new COEs, key service metrics, new best practices — and keeps the minutes.
      </EmptyState>
    </>
  );
}
