import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { sourceCoeTitle, visibleTeams } from "@/lib/actions/queries";
import { flattenTree, treeOptionLabel } from "@/lib/org/tree";
import { can, teamsWith } from "@/lib/permissions";
import { NewActionForm } from "./new-action-form";
import { searchParam, type RawSearchParams } from "@/lib/validation/search-params";

export const metadata: Metadata = { title: "New corrective action" };

export default async function NewActionPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageUser();
  const writable = teamsWith(user, "action.update");
  if (writable !== "all" && writable.length === 0) redirect("/forbidden");
  const coeId = searchParam(await searchParams, "coeId", 64);
  // Owner and source COE are picked by type-ahead (lookup routes): only a preset COE's title is loaded.
  const [teams, coeTitle] = await Promise.all([visibleTeams(user), sourceCoeTitle(user, coeId)]);
  const teamChoices = flattenTree(teams)
    .filter(({ team }) => can(user, "action.update", team.id))
    .map(({ team, depth }) => ({ id: team.id, label: treeOptionLabel(team.name, depth) }));
  return (
    <>
      <BackLink href="/actions" label="All actions" />
      <PageHeader
        title="New corrective action"
        description="Most actions are written in a COE's sixth question; create one here for a COE after it is approved, or on its own."
      />
      <Card>
        <CardBody>
          <NewActionForm teams={teamChoices} coeId={coeTitle ? coeId! : ""} coeTitle={coeTitle ?? ""} />
        </CardBody>
      </Card>
    </>
  );
}
