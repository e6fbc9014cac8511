import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DocumentIcon } from "@/components/shell/icons";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "COEs" };

export default async function CoesPage() {
  await requirePageUser();
  return (
    <>
      <PageHeader title="COEs" description="Correction of Error documents: what happened, why, and what the team is changing so it does not happen again." />
      <EmptyState title="No COEs yet" icon={<DocumentIcon />}>
        After an incident, the team writes a COE here: the six questions, a timeline, contributing factors with five whys, and the
        corrective actions. Approved COEs appear in this list for everyone in the organization to search and learn from.
      </EmptyState>
    </>
  );
}
