import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewCoeForm } from "./new-coe-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { flattenTree, treeOptionLabel } from "@/lib/org/tree";
import { canCreateCoe, coeFormOptions } from "@/lib/coes/queries";
import { SEVERITIES, SEVERITY_MEANINGS } from "@/lib/coes/questions";

export const metadata: Metadata = { title: "New COE" };

export default async function NewCoePage() {
  const user = await requirePageUser();
  if (!canCreateCoe(user)) redirect("/forbidden");
  const options = await coeFormOptions(user);
  const writable = new Set(options.writableTeams.map((team) => team.id));
  const teams = flattenTree(options.teams)
    .filter(({ team }) => writable.has(team.id))
    .map(({ team, depth }) => ({ id: team.id, label: treeOptionLabel(team.name, depth) }));
  return (
    <>
      <PageHeader
        title="New COE"
        description="Start with a title, the owning team and the severity. The draft saves as you write; nobody outside the team sees it until it is approved."
      />
      <Card className="max-w-2xl">
        <CardBody>
          <NewCoeForm
            teams={teams}
            severities={SEVERITIES.map((severity) => ({ value: severity, meaning: SEVERITY_MEANINGS[severity] }))}
            defaultTeamId={user.directTeamIds.find((id) => writable.has(id)) ?? teams[0]?.id ?? ""}
          />
        </CardBody>
      </Card>
    </>
  );
}
